package io.shardline.query.function;

import io.shardline.query.value.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code top(f, N)} and {@code bottom(f, N)}: keeps the N best points (memory N per bucket, mergeable), ordered as
 * 1.x's TopReducer/BottomReducer order them: by value (larger for top, smaller for bottom), then by earlier time;
 * a point equal to the worst kept one in both does not replace it. Emits the points best first, then stably by
 * time (1.x sorts ordered selector output by time), with their times and auxiliary values.
 */
final class TopAccumulator implements Accumulator {

    private final int n;
    private final AggregateFunction function;
    /** Better first: the order of the points 1.x emits before sorting them by time. */
    private final Comparator<AggregatePoint> better;
    private final List<AggregatePoint> kept = new ArrayList<>();

    TopAccumulator(AggregateFunction function, int n) {
        this.function = function;
        this.n = n;
        Comparator<AggregatePoint> byValue = (a, b) -> Values.compare(a.value(), b.value());
        Comparator<AggregatePoint> value = function == AggregateFunction.TOP ? byValue.reversed() : byValue;
        this.better = value.thenComparingLong(AggregatePoint::time);
    }

    @Override
    public void add(long time, Object value, Object[] aux) {
        function.check(value);
        offer(new AggregatePoint(time, value, aux));
    }

    private void offer(AggregatePoint p) {
        if (n <= 0) {
            return;
        }
        if (kept.size() < n) {
            kept.add(p);
            return;
        }
        int worst = 0;
        for (int i = 1; i < kept.size(); i++) {
            if (better.compare(kept.get(i), kept.get(worst)) > 0) {
                worst = i;
            }
        }
        if (better.compare(p, kept.get(worst)) < 0) {
            kept.set(worst, p);
        }
    }

    @Override
    public void merge(PartialState state) {
        for (AggregatePoint p : ((SampleState) state).points()) {
            offer(p);
        }
    }

    @Override
    public PartialState partial() {
        return new SampleState(kept);
    }

    @Override
    public List<AggregatePoint> emit() {
        List<AggregatePoint> out = new ArrayList<>(kept);
        out.sort(better);
        out.sort(Comparator.comparingLong(AggregatePoint::time));
        return out;
    }
}
