package io.shardline.meta.state;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Commands that change shard groups across the cluster or delete one: truncate-shards, retention,
 * precreation, pruning of deleted groups and DROP of one group. Stateless and pure.
 */
final class ShardGroupSweeps {

    private ShardGroupSweeps() {
    }

    /**
     * InfluxDB's {@code TruncateShardGroups(t)}: every non-deleted group ending after t, unless already
     * truncated before t, gets {@code truncatedAt = t}, or {@code = start} (emptied) if it starts at or
     * after t.
     */
    static Outcome truncate(ClusterMetadata meta, MetaCommand.TruncateShardGroups command) {
        long t = command.truncateAt();
        if (t <= 0) {
            return MetaErrors.timeNotPositive("truncate time", t);
        }
        List<ShardGroupInfo> changed = new ArrayList<>();
        ClusterMetadata next = GroupRewrites.mapGroups(meta, (db, policy, group) -> {
            if (t >= group.endTime() || group.deleted() || (group.truncated() && group.truncatedAt() < t)) {
                return group;
            }
            ShardGroupInfo truncated = group.withTruncatedAt(t <= group.startTime() ? group.startTime() : t);
            changed.add(truncated);
            return truncated;
        });
        return Outcome.ok(next, List.copyOf(changed));
    }

    /** Marks deleted, at {@code now}, the groups of finite policies with {@code end + duration < now}. */
    static Outcome enforceRetention(ClusterMetadata meta, MetaCommand.EnforceRetention command) {
        long now = command.now();
        if (now <= 0) {
            return MetaErrors.timeNotPositive("retention time", now);
        }
        List<ShardGroupInfo> deleted = new ArrayList<>();
        ClusterMetadata next = GroupRewrites.mapGroups(meta, (db, policy, group) -> {
            if (group.deleted() || !policy.expired(group, now)) {
                return group;
            }
            ShardGroupInfo marked = group.withDeletedAt(now);
            deleted.add(marked);
            return marked;
        });
        return Outcome.ok(next, List.copyOf(deleted));
    }

    /**
     * For every live group ending within {@code (now, now + advancePeriod)} whose successor does not
     * exist yet, creates the group starting at its (effective) end: never a group partly in the past.
     * Without data nodes nothing is created.
     */
    static Outcome precreate(ClusterMetadata meta, MetaCommand.PrecreateShardGroups command) {
        long now = command.now();
        if (command.advancePeriod() < 0) {
            return MetaErrors.invalid("advance period must not be negative: " + command.advancePeriod());
        }
        long horizon = ShardGroupTimes.saturatedAdd(now, command.advancePeriod());
        if (meta.dataNodes().isEmpty()) {
            return Outcome.ok(meta, List.of());
        }
        List<ShardGroupInfo> created = new ArrayList<>();
        ClusterMetadata next = meta;
        for (DatabaseInfo db : meta.databases().values()) {
            for (RetentionPolicyInfo policy : db.retentionPolicies().values()) {
                for (ShardGroupInfo group : policy.shardGroupsOverlapping(now, horizon)) {
                    long successorTime = group.effectiveEnd();
                    if (successorTime <= now || successorTime >= horizon) {
                        continue;
                    }
                    RetentionPolicyInfo current = next.retentionPolicy(db.name(), policy.name()).orElseThrow();
                    if (current.shardGroupAt(successorTime).isEmpty()) {
                        ShardGroupInfo successor =
                                ShardGroupCreation.newGroup(next, db.name(), current, successorTime);
                        next = ShardGroupCreation.insert(next, db.name(), current, successor);
                        created.add(successor);
                    }
                }
            }
        }
        return Outcome.ok(next, List.copyOf(created));
    }

    /** Forgets groups deleted before {@code deletedBefore}, as InfluxDB's {@code PruneShardGroups} does. */
    static Outcome prune(ClusterMetadata meta, MetaCommand.PruneShardGroups command) {
        List<ShardGroupInfo> removed = new ArrayList<>();
        ClusterMetadata next = GroupRewrites.mapGroups(meta, (db, policy, group) -> {
            if (group.deleted() && group.deletedAt() < command.deletedBefore()) {
                removed.add(group);
                return null;
            }
            return group;
        });
        return Outcome.ok(next, List.copyOf(removed));
    }

    /** Marks one group deleted; a group deleted already keeps its first deletion time. */
    static Outcome delete(ClusterMetadata meta, MetaCommand.DeleteShardGroup command) {
        if (command.deletedAt() <= 0) {
            return MetaErrors.timeNotPositive("deletion time", command.deletedAt());
        }
        Optional<DatabaseInfo> db = meta.database(command.database());
        if (db.isEmpty()) {
            return MetaErrors.databaseNotFound(command.database());
        }
        Optional<RetentionPolicyInfo> policy = db.get().retentionPolicy(command.retentionPolicy());
        if (policy.isEmpty()) {
            return MetaErrors.retentionPolicyNotFound(command.retentionPolicy());
        }
        Optional<ShardGroupInfo> group = policy.get().shardGroup(command.shardGroupId());
        if (group.isEmpty()) {
            return MetaErrors.shardGroupNotFound();
        }
        if (group.get().deleted()) {
            return Outcome.ok(meta, group.get());
        }
        ShardGroupInfo deleted = group.get().withDeletedAt(command.deletedAt());
        return Outcome.ok(meta.withRetentionPolicy(command.database(), policy.get().withShardGroup(deleted)),
                deleted);
    }
}
