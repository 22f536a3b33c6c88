package io.shardline.datanode.query;

import io.shardline.query.exec.ShardResultSink;
import io.shardline.query.plan.SelectPlan;

/**
 * What the coordinator asks one shard owner: run a SELECT plan on one of its shards, or answer a schema
 * question about some of its shards. Implemented by the node itself ({@link LocalShardQueries}) and by a proxy
 * per peer over gRPC. Failures are {@code ShardlineException}s: retriable codes ({@code UNAVAILABLE},
 * {@code TIMEOUT}) and a shard the owner does not hold send the coordinator to another replica, statement errors
 * ({@code INVALID_ARGUMENT}) end the statement. Thread-safe; calls block until done.
 */
public interface OwnerQueries {

    /** Runs {@code plan} on shard {@code shardId}, streaming the result into {@code sink}. */
    void select(long shardId, SelectPlan plan, ShardResultSink sink);

    /** Answers {@code question} about its shards. */
    SchemaAnswer schema(SchemaQuestion question);
}
