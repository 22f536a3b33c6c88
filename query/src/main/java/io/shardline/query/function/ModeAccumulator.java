package io.shardline.query.function;

import io.shardline.query.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mode}: counts each distinct value and answers 1.x's {@code ModeReduceSlice} choice: the points sorted by
 * value (equal values in time order), a run that reaches the best count so far replaces it only when its first
 * point is no later than the point at which the best run reached that count (the best run's last point). So
 * the smallest value wins a tie only when it is also the latest; a single point per value gives the smallest.
 * Memory: one entry per distinct value. Not thread-safe.
 */
final class ModeAccumulator implements Accumulator {

    private final Map<Object, long[]> counts = new HashMap<>();

    @Override
    public void add(long time, Object value, Object[] aux) {
        AggregateFunction.MODE.check(value);
        count(value, 1, time, time);
    }

    private void count(Object value, long n, long minTime, long maxTime) {
        long[] c = counts.get(value);
        if (c == null) {
            counts.put(value, new long[] {n, minTime, maxTime});
            return;
        }
        c[0] += n;
        c[1] = Math.min(c[1], minTime);
        c[2] = Math.max(c[2], maxTime);
    }

    @Override
    public void merge(PartialState state) {
        for (ModeState.Entry e : ((ModeState) state).entries()) {
            count(e.value(), e.count(), e.minTime(), e.maxTime());
        }
    }

    @Override
    public PartialState partial() {
        List<ModeState.Entry> entries = new ArrayList<>(counts.size());
        counts.forEach((v, c) -> entries.add(new ModeState.Entry(v, c[0], c[1], c[2])));
        return new ModeState(entries);
    }

    @Override
    public List<AggregatePoint> emit() {
        if (counts.isEmpty()) {
            return List.of();
        }
        List<ModeState.Entry> runs = ((ModeState) partial()).entries().stream()
                .sorted((a, b) -> Values.compare(a.value(), b.value())).toList();
        ModeState.Entry best = runs.get(0);
        for (ModeState.Entry run : runs.subList(1, runs.size())) {
            // 1.x skips a run's first point, so a single point never beats the first run
            boolean more = run.count() > best.count();
            boolean tie = run.count() == best.count() && run.count() >= 2 && run.minTime() <= best.maxTime();
            if (more || tie) {
                best = run;
            }
        }
        return List.of(AggregatePoint.of(best.value()));
    }
}
