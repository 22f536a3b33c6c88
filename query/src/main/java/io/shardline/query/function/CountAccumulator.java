package io.shardline.query.function;

import java.util.List;

/** {@code count}: an integer count of non-null values; emits nothing when empty (fill supplies 0). */
final class CountAccumulator implements Accumulator {

    private long count;

    @Override
    public void add(long time, Object value, Object[] aux) {
        count++;
    }

    @Override
    public void addFloats(long[] times, double[] values, int from, int to) {
        count += to - from;
    }

    @Override
    public void addIntegers(long[] times, long[] values, int from, int to) {
        count += to - from;
    }

    @Override
    public void merge(PartialState state) {
        count += ((CountState) state).count();
    }

    @Override
    public PartialState partial() {
        return new CountState(count);
    }

    @Override
    public List<AggregatePoint> emit() {
        return count == 0 ? List.of() : List.of(AggregatePoint.of(count));
    }
}
