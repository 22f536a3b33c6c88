package io.shardline.meta.state;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Create-if-not-exists for shard groups: {@code [truncate(t, d), +d)} with Go's alignment, narrowed so
 * it never overlaps a live group of the policy (InfluxDB 1.9.6+), with shards placed by
 * {@link ShardPlacement} and ids taken from the metadata's sequences. Stateless and pure.
 */
final class ShardGroupCreation {

    private ShardGroupCreation() {
    }

    static Outcome createIfNotExists(ClusterMetadata meta, MetaCommand.CreateShardGroup command) {
        long t = command.timestamp();
        if (t < ShardGroupTimes.MIN_NANO_TIME || t > ShardGroupTimes.MAX_NANO_TIME) {
            return MetaErrors.invalid("time outside range " + t);
        }
        Optional<DatabaseInfo> db = meta.database(command.database());
        if (db.isEmpty()) {
            return MetaErrors.databaseNotFound(command.database());
        }
        Optional<RetentionPolicyInfo> policy = db.get().retentionPolicy(command.retentionPolicy());
        if (policy.isEmpty()) {
            return MetaErrors.retentionPolicyNotFound(command.retentionPolicy());
        }
        Optional<ShardGroupInfo> existing = policy.get().shardGroupAt(t);
        if (existing.isPresent()) {
            return Outcome.ok(meta, existing.get());
        }
        if (meta.dataNodes().isEmpty()) {
            return MetaErrors.noDataNodes();
        }
        ShardGroupInfo group = newGroup(meta, command.database(), policy.get(), t);
        return Outcome.ok(insert(meta, command.database(), policy.get(), group), group);
    }

    /**
     * The group a write at {@code t} opens, for a time no live group covers and a cluster with data
     * nodes. It takes the next group id and the next shard ids but is not yet part of {@code meta}.
     */
    static ShardGroupInfo newGroup(ClusterMetadata meta, String database, RetentionPolicyInfo policy, long t) {
        long duration = policy.shardGroupDuration() > 0
                ? policy.shardGroupDuration()
                : ShardGroupTimes.defaultShardGroupDuration(policy.duration());
        long aligned = ShardGroupTimes.truncate(t, duration);
        long start = aligned;
        long end = ShardGroupTimes.groupEnd(aligned, duration);
        // t is not covered, so the previous live group ends at or before t and the next starts after t.
        Optional<ShardGroupInfo> previous = policy.previousShardGroup(t);
        if (previous.isPresent() && previous.get().effectiveEnd() > start) {
            start = previous.get().effectiveEnd();
        }
        Optional<ShardGroupInfo> next = policy.nextShardGroup(t);
        if (next.isPresent() && next.get().startTime() < end) {
            end = next.get().startTime();
        }
        List<Long> nodes = meta.dataNodeIds();
        long rotation = ShardPlacement.rotation(database, policy.name(), aligned, duration, nodes.size(),
                policy.replicaN());
        List<ShardInfo> shards = new ArrayList<>();
        long shardId = meta.maxShardId();
        for (List<Long> owners : ShardPlacement.assign(nodes, policy.replicaN(), rotation)) {
            shards.add(new ShardInfo(++shardId, owners));
        }
        return new ShardGroupInfo(meta.maxShardGroupId() + 1, start, end, ShardGroupInfo.NOT_SET,
                ShardGroupInfo.NOT_SET, shards);
    }

    /** {@code meta} with the new group added to the policy and the id sequences advanced past it. */
    static ClusterMetadata insert(ClusterMetadata meta, String database, RetentionPolicyInfo policy,
                                  ShardGroupInfo group) {
        long maxShardId = group.shards().isEmpty()
                ? meta.maxShardId()
                : group.shards().get(group.shards().size() - 1).id();
        return meta.withRetentionPolicy(database, policy.withShardGroup(group))
                .withMaxShardIds(group.id(), maxShardId);
    }
}
