package io.shardline.query.exec;

import io.shardline.query.function.PartialState;
import java.util.List;

/**
 * The partial aggregates of one (output series, bucket) from one shard: one state per
 * {@code SelectPlan.calls()}, in that order. {@code bucket} is the bucket start, or the query start time
 * without GROUP BY time.
 */
public record PartialGroup(GroupKey group, long bucket, List<PartialState> states) {

    public PartialGroup {
        states = List.copyOf(states);
    }
}
