package io.shardline.query.function;

import java.util.List;

/** {@code median/percentile}: every value with its time (and aux values), since ranks need them all. */
public record SampleState(List<AggregatePoint> points) implements PartialState {

    public SampleState {
        points = List.copyOf(points);
    }
}
