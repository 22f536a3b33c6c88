package io.shardline.query.function;

import java.util.List;

/**
 * {@code mode}: per distinct value its count and the earliest and latest time it was seen (all 1.x's tie rule
 * needs), so the state is bounded by the distinct values of a bucket, not by its points.
 */
public record ModeState(List<Entry> entries) implements PartialState {

    public ModeState {
        entries = List.copyOf(entries);
    }

    /** One distinct value: how often, and when first and last. */
    public record Entry(Object value, long count, long minTime, long maxTime) {
    }
}
