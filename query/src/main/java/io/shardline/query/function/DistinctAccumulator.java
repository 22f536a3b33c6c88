package io.shardline.query.function;

import io.shardline.query.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code distinct}: each distinct value once, ordered by the time 1.x's reducer first sees it, then by value (1.x
 * keeps the first point of each value in read order and sorts them by time): the earliest time of the value in the
 * bucket, or with ORDER BY time DESC (points read newest first) its latest; or, counting, {@code count(distinct(f))}
 * as an integer.
 */
final class DistinctAccumulator implements Accumulator {

    private final boolean counting;
    private final boolean ascending;
    private final Map<Object, Long> firstSeen = new HashMap<>();

    DistinctAccumulator(boolean counting, boolean ascending) {
        this.counting = counting;
        this.ascending = ascending;
    }

    @Override
    public void add(long time, Object value, Object[] aux) {
        firstSeen.merge(value, time, ascending ? Math::min : Math::max);
    }

    @Override
    public void merge(PartialState state) {
        for (AggregatePoint p : ((DistinctState) state).values()) {
            firstSeen.merge(p.value(), p.time(), ascending ? Math::min : Math::max);
        }
    }

    @Override
    public PartialState partial() {
        return new DistinctState(sorted());
    }

    private List<AggregatePoint> sorted() {
        List<AggregatePoint> out = new ArrayList<>(firstSeen.size());
        firstSeen.forEach((v, t) -> out.add(new AggregatePoint(t, v, null)));
        out.sort((a, b) -> {
            int c = Long.compare(a.time(), b.time());
            if (c != 0) {
                return c;
            }
            Object x = a.value();
            Object y = b.value();
            if (x.getClass() == y.getClass() || (Values.isNumeric(x) && Values.isNumeric(y))) {
                return Values.compare(x, y);
            }
            return x.getClass().getName().compareTo(y.getClass().getName());
        });
        return out;
    }

    @Override
    public List<AggregatePoint> emit() {
        if (firstSeen.isEmpty()) {
            return List.of();
        } else if (counting) {
            return List.of(AggregatePoint.of((long) firstSeen.size()));
        }
        List<AggregatePoint> out = new ArrayList<>();
        for (AggregatePoint p : sorted()) {
            out.add(AggregatePoint.of(p.value()));
        }
        return out;
    }
}
