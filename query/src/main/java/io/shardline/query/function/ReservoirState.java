package io.shardline.query.function;

import java.util.List;

/** {@code sample(f, N)}: at most N points drawn uniformly from the {@code count} points seen. */
public record ReservoirState(long count, List<AggregatePoint> points) implements PartialState {

    public ReservoirState {
        points = List.copyOf(points);
    }
}
