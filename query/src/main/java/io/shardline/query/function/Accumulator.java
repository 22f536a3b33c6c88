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

    /** Folds in a partial state produced by an accumulator of the same function. */
    void merge(PartialState state);

    /** The mergeable state (an immutable snapshot). */
    PartialState partial();

    /** The result points: none when nothing was added, several for {@code distinct}. */
    List<AggregatePoint> emit();
}
