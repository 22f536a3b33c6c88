package io.shardline.meta.state;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Rewrites every shard group of the metadata with one function, copying only the databases and
 * policies that change. Iteration order is deterministic (databases and policies by name, groups by
 * start time). Stateless.
 */
final class GroupRewrites {

    /** Maps one group; returns the group itself to keep it, a new group to replace it, null to drop it. */
    @FunctionalInterface
    interface GroupFunction {
        ShardGroupInfo apply(String database, RetentionPolicyInfo policy, ShardGroupInfo group);
    }

    private GroupRewrites() {
    }

    static ClusterMetadata mapGroups(ClusterMetadata meta, GroupFunction function) {
        TreeMap<String, DatabaseInfo> databases = new TreeMap<>(meta.databases());
        boolean changed = false;
        for (DatabaseInfo db : meta.databases().values()) {
            DatabaseInfo next = db;
            for (RetentionPolicyInfo policy : db.retentionPolicies().values()) {
                List<ShardGroupInfo> groups = mapPolicy(db.name(), policy, function);
                if (groups != null) {
                    next = next.withRetentionPolicy(policy.withShardGroups(groups));
                }
            }
            if (next != db) {
                databases.put(db.name(), next);
                changed = true;
            }
        }
        return changed ? meta.withDatabases(databases) : meta;
    }

    /** The policy's rewritten groups, or null if none changed. */
    private static List<ShardGroupInfo> mapPolicy(String database, RetentionPolicyInfo policy,
                                                  GroupFunction function) {
        List<ShardGroupInfo> groups = new ArrayList<>(policy.shardGroups().size());
        boolean changed = false;
        for (ShardGroupInfo group : policy.shardGroups()) {
            ShardGroupInfo mapped = function.apply(database, policy, group);
            changed |= mapped != group;
            if (mapped != null) {
                groups.add(mapped);
            }
        }
        return changed ? groups : null;
    }
}
