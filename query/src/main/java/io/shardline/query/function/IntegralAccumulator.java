package io.shardline.query.function;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code integral(f[, unit])} for one (series, bucket): keeps the bucket's points, because 1.x's reducer runs
 * over the whole series in time order and a bucket's area depends on its neighbours (the segment to the next
 * point is cut at the bucket's end by interpolation, and the area over empty buckets goes to the next one). The
 * coordinator feeds every bucket's points of a series, in order, to {@link IntegralReducer}; {@link #emit()} is
 * therefore empty. Memory: the points of the range, as for {@code median}. Not thread-safe.
 */
final class IntegralAccumulator implements Accumulator {

    private final List<AggregatePoint> points = new ArrayList<>();

    @Override
    public void add(long time, Object value, Object[] aux) {
        AggregateFunction.INTEGRAL.check(value);
        points.add(new AggregatePoint(time, value, null));
    }

    @Override
    public void merge(PartialState state) {
        points.addAll(((SampleState) state).points());
    }

    @Override
    public PartialState partial() {
        return new SampleState(points);
    }

    @Override
    public List<AggregatePoint> emit() {
        return List.of();
    }
}
