package io.shardline.datanode.query;

import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.meta.model.ShardLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Which shards a statement reads or deletes, from the cluster metadata: the live shard groups of a retention
 * policy (or of every policy of a database) overlapping a time range, with InfluxDB's errors for a missing
 * database or policy. With a chosen node ({@code node=}) only the shards it owns. Stateless.
 */
final class QueryScopes {

    private QueryScopes() {
    }

    /** The database {@code name}, or the 1.x statement error. */
    static DatabaseInfo database(ClusterMetadata meta, String name) {
        if (name == null || name.isEmpty()) {
            throw ShardlineException.invalid("database name required");
        }
        return meta.database(name).orElseThrow(() -> ShardlineException.notFound("database not found: " + name));
    }

    /** The policy {@code name} of {@code db} (empty = the default one), or the 1.x statement error. */
    static RetentionPolicyInfo policy(DatabaseInfo db, String name) {
        if (name == null || name.isEmpty()) {
            return db.defaultRetentionPolicy().orElseThrow(() -> ShardlineException.notFound(
                    "default retention policy not set for: " + db.name()));
        }
        return db.retentionPolicy(name).orElseThrow(() -> ShardlineException.notFound(
                "retention policy not found: " + name));
    }

    /** Checks that a chosen node ({@code node=}, 0 = none) is a data node of the cluster. */
    static void checkNode(ClusterMetadata meta, long onlyNode) {
        if (onlyNode != 0 && meta.dataNode(onlyNode).isEmpty()) {
            throw ShardlineException.notFound("data node " + onlyNode + " does not exist");
        }
    }

    /** The shards of {@code policy} holding data of {@code [min, max]}. */
    static List<ShardLocation> shards(String db, RetentionPolicyInfo policy, long min, long max, long onlyNode) {
        List<ShardLocation> out = new ArrayList<>();
        if (min > max) {
            return out;
        }
        List<ShardGroupInfo> groups = new ArrayList<>(policy.shardGroupsOverlapping(min, max));
        groups.sort(RetentionPolicyInfo.BY_START_TIME);
        for (ShardGroupInfo g : groups) {
            for (ShardInfo shard : g.shards()) {
                if (onlyNode == 0 || shard.ownedBy(onlyNode)) {
                    out.add(new ShardLocation(db, policy.name(), g, shard));
                }
            }
        }
        return out;
    }

    /** The shards of every policy of {@code db} holding data of {@code [min, max]}. */
    static List<ShardLocation> shards(DatabaseInfo db, long min, long max, long onlyNode) {
        List<ShardLocation> out = new ArrayList<>();
        for (RetentionPolicyInfo rp : db.retentionPolicies().values()) {
            out.addAll(shards(db.name(), rp, min, max, onlyNode));
        }
        return out;
    }
}
