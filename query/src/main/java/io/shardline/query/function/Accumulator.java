package io.shardline.query.function;

import java.util.List;

/**
 * One aggregate function's running state for one (series group, bucket): values are added on the shard owner,
 * {@link #partial()} states are merged on the coordinator, and any split of the input merges to the one-shot
 * result (up to float rounding of sums). Not thread-safe.
 */
public interface Accumulator {

    /**
     * Adds one non-null value (Double, Long, Unsigned, String or Boolean) at {@code time}; {@code aux} holds the
     * point's auxiliary values for selectors (may be null).
     *
     * @throws io.shardline.query.QueryException when the function does not accept the value's type
     */
    void add(long time, Object value, Object[] aux);

    /**
     * Adds the float values {@code values[from, to)} at {@code times[from, to)} (ascending), in that order, with
     * exactly the effect of adding them one by one with {@link #add}; the fast path of owners that read
     * primitive blocks. The caller has checked that the function accepts floats.
     */
    default void addFloats(long[] times, double[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            add(times[i], values[i], null);
        }
    }

    /** {@link #addFloats} for integer values. */
    default void addIntegers(long[] times, long[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            add(times[i], values[i], null);
        }
    }

    /** Folds in a partial state produced by an accumulator of the same function. */
    void merge(PartialState state);

    /** The mergeable state (an immutable snapshot). */
    PartialState partial();

    /** The result points: none when nothing was added, several for {@code distinct}. */
    List<AggregatePoint> emit();
}
