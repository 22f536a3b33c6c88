/**
 * The immutable cluster metadata shared by meta nodes, data nodes and the admin CLI: nodes,
 * databases, retention policies, shard groups, shards and their owners.
 *
 * <p>Conventions: every time and duration is in nanoseconds (Unix epoch for times). A retention
 * policy duration of {@code 0} means infinite. In {@link io.shardline.meta.model.ShardGroupInfo},
 * {@code truncatedAt == 0} and {@code deletedAt == 0} mean "not truncated" and "not deleted" (the
 * same encoding InfluxDB uses on the wire); the meta state machine therefore never stamps 0 into
 * them. All types are deeply immutable and safe to share between threads.
 */
package io.shardline.meta.model;
