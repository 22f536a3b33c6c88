package io.shardline.query.function;

import java.util.List;

/** {@code distinct}/{@code count(distinct)}: each distinct value with the earliest time it was seen. */
public record DistinctState(List<AggregatePoint> values) implements PartialState {

    public DistinctState {
        values = List.copyOf(values);
    }
}
