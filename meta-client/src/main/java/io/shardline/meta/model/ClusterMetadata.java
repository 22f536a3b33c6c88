package io.shardline.meta.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole cluster metadata at one Raft log index ({@code version}): meta and data nodes (sorted by
 * id), databases (by name), users (in creation order, as 1.x lists them) and the id sequences, each
 * holding the last id issued, and the leases data nodes hold (by name). Meta and data nodes
 * share one node-id sequence (meta nodes 1..3, first data node 4). Lookups by shard id or owner scan
 * every group; use {@link ShardIndex} where they are frequent.
 */
public record ClusterMetadata(List<NodeInfo> metaNodes, List<NodeInfo> dataNodes,
                              SortedMap<String, DatabaseInfo> databases,
                              long maxNodeId, long maxShardGroupId, long maxShardId, long version,
                              List<UserInfo> users, List<LeaseInfo> leases) {

    /** A fresh cluster: no nodes, no databases, no users, version 0. */
    public static final ClusterMetadata EMPTY =
            new ClusterMetadata(List.of(), List.of(), new TreeMap<>(), 0, 0, 0, 0);

    /** Metadata without users. */
    public ClusterMetadata(List<NodeInfo> metaNodes, List<NodeInfo> dataNodes, SortedMap<String, DatabaseInfo> databases,
                           long maxNodeId, long maxShardGroupId, long maxShardId, long version) {
        this(metaNodes, dataNodes, databases, maxNodeId, maxShardGroupId, maxShardId, version, List.of());
    }

    /** Metadata without leases. */
    public ClusterMetadata(List<NodeInfo> metaNodes, List<NodeInfo> dataNodes, SortedMap<String, DatabaseInfo> databases,
                           long maxNodeId, long maxShardGroupId, long maxShardId, long version, List<UserInfo> users) {
        this(metaNodes, dataNodes, databases, maxNodeId, maxShardGroupId, maxShardId, version, users, List.of());
    }

    public ClusterMetadata {
        users = List.copyOf(users);
        leases = List.copyOf(leases);
        java.util.Set<String> names = new java.util.HashSet<>(users.size() * 2);
        for (UserInfo u : users) {
            if (!names.add(u.name())) { // a set, not pairs: a view is built per change, with thousands of users
                throw new IllegalArgumentException("duplicate user " + u.name());
            }
        }
        metaNodes = sortedById(metaNodes);
        dataNodes = sortedById(dataNodes);
        TreeMap<String, DatabaseInfo> copy = new TreeMap<>(databases);
        for (Map.Entry<String, DatabaseInfo> entry : copy.entrySet()) {
            if (!entry.getKey().equals(entry.getValue().name())) {
                throw new IllegalArgumentException("database " + entry.getValue().name()
                        + " filed under key " + entry.getKey());
            }
        }
        databases = Collections.unmodifiableSortedMap(copy);
    }

    public Optional<NodeInfo> dataNode(long id) {
        return dataNodes.stream().filter(node -> node.id() == id).findFirst();
    }

    public Optional<NodeInfo> dataNodeByTcpAddress(String tcpAddress) {
        return dataNodes.stream().filter(node -> node.tcpAddress().equals(tcpAddress)).findFirst();
    }

    public Optional<NodeInfo> metaNode(long id) {
        return metaNodes.stream().filter(node -> node.id() == id).findFirst();
    }

    public Optional<NodeInfo> metaNodeByHttpAddress(String httpAddress) {
        return metaNodes.stream().filter(node -> node.httpAddress().equals(httpAddress)).findFirst();
    }

    /** Ids of the data nodes, ascending: the order shard placement walks. */
    public List<Long> dataNodeIds() {
        return dataNodes.stream().map(NodeInfo::id).toList();
    }

    public Optional<DatabaseInfo> database(String name) {
        return Optional.ofNullable(databases.get(name));
    }

    /** The policy with exactly this name in the database. */
    public Optional<RetentionPolicyInfo> retentionPolicy(String database, String policy) {
        return database(database).flatMap(db -> db.retentionPolicy(policy));
    }

    /** The database's default policy. */
    public Optional<RetentionPolicyInfo> defaultRetentionPolicy(String database) {
        return database(database).flatMap(DatabaseInfo::defaultRetentionPolicy);
    }

    /** The policy a write or query names, where {@code null} or {@code ""} means the default one. */
    public Optional<RetentionPolicyInfo> resolveRetentionPolicy(String database, String policyOrEmpty) {
        return database(database).flatMap(db -> db.resolveRetentionPolicy(policyOrEmpty));
    }

    /** The live shard group of the policy that writes for time {@code t} go to. O(log n). */
    public Optional<ShardGroupInfo> shardGroupAt(String database, String policy, long t) {
        return retentionPolicy(database, policy).flatMap(rp -> rp.shardGroupAt(t));
    }

    /** Every shard, deleted groups included, by database, policy, group start time and shard id. */
    public List<ShardLocation> shards() {
        List<ShardLocation> all = new ArrayList<>();
        for (DatabaseInfo db : databases.values()) {
            for (RetentionPolicyInfo rp : db.retentionPolicies().values()) {
                for (ShardGroupInfo group : rp.shardGroups()) {
                    for (ShardInfo shard : group.shards()) {
                        all.add(new ShardLocation(db.name(), rp.name(), group, shard));
                    }
                }
            }
        }
        return all;
    }

    /** The shard with this id and where it lives. O(number of shards). */
    public Optional<ShardLocation> shard(long shardId) {
        return shards().stream().filter(location -> location.shardId() == shardId).findFirst();
    }

    /** The owners of the shard, in placement order; empty if the shard does not exist. */
    public List<Long> shardOwners(long shardId) {
        return shard(shardId).map(location -> location.shard().owners()).orElse(List.of());
    }

    /** The shards (deleted groups included) a node owns a replica of. */
    public List<ShardLocation> shardsOwnedBy(long nodeId) {
        return shards().stream().filter(location -> location.shard().ownedBy(nodeId)).toList();
    }

    public ClusterMetadata withMetaNodes(List<NodeInfo> nodes) {
        return new ClusterMetadata(nodes, dataNodes, databases, maxNodeId, maxShardGroupId, maxShardId, version, users, leases);
    }

    public ClusterMetadata withDataNodes(List<NodeInfo> nodes) {
        return new ClusterMetadata(metaNodes, nodes, databases, maxNodeId, maxShardGroupId, maxShardId, version, users, leases);
    }

    public ClusterMetadata withDatabases(SortedMap<String, DatabaseInfo> dbs) {
        return new ClusterMetadata(metaNodes, dataNodes, dbs, maxNodeId, maxShardGroupId, maxShardId, version, users, leases);
    }

    /** This metadata with {@code db} added or replacing the database of the same name. */
    public ClusterMetadata withDatabase(DatabaseInfo db) {
        TreeMap<String, DatabaseInfo> next = new TreeMap<>(databases);
        next.put(db.name(), db);
        return withDatabases(next);
    }

    public ClusterMetadata withoutDatabase(String name) {
        TreeMap<String, DatabaseInfo> next = new TreeMap<>(databases);
        next.remove(name);
        return withDatabases(next);
    }

    /** This metadata with {@code policy} put into the (existing) database. */
    public ClusterMetadata withRetentionPolicy(String database, RetentionPolicyInfo policy) {
        DatabaseInfo db = database(database)
                .orElseThrow(() -> new IllegalArgumentException("no database " + database));
        return withDatabase(db.withRetentionPolicy(policy));
    }

    public ClusterMetadata withMaxNodeId(long id) {
        return new ClusterMetadata(metaNodes, dataNodes, databases, id, maxShardGroupId, maxShardId, version, users, leases);
    }

    public ClusterMetadata withMaxShardIds(long groupId, long shardId) {
        return new ClusterMetadata(metaNodes, dataNodes, databases, maxNodeId, groupId, shardId, version, users, leases);
    }

    public ClusterMetadata withVersion(long newVersion) {
        return new ClusterMetadata(metaNodes, dataNodes, databases, maxNodeId, maxShardGroupId, maxShardId,
                newVersion, users, leases);
    }

    /** The user with this exact name. */
    public Optional<UserInfo> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /** Whether any user is an admin (1.x authenticates HTTP requests only from then on). */
    public boolean adminUserExists() {
        return users.stream().anyMatch(UserInfo::admin);
    }

    /** This metadata with {@code user} replacing the user of the same name in place, or appended. */
    public ClusterMetadata withUser(UserInfo user) {
        List<UserInfo> next = new ArrayList<>(users);
        int at = -1;
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).name().equals(user.name())) {
                at = i;
            }
        }
        if (at < 0) {
            next.add(user);
        } else {
            next.set(at, user);
        }
        return withUsers(next);
    }

    public ClusterMetadata withUsers(List<UserInfo> newUsers) {
        return new ClusterMetadata(metaNodes, dataNodes, databases, maxNodeId, maxShardGroupId, maxShardId, version,
                newUsers, leases);
    }

    /** The lease with this name, held or expired. */
    public Optional<LeaseInfo> lease(String name) {
        return leases.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** This metadata with {@code lease} replacing the lease of the same name. */
    public ClusterMetadata withLease(LeaseInfo lease) {
        List<LeaseInfo> next = new ArrayList<>(leases.stream().filter(l -> !l.name().equals(lease.name())).toList());
        next.add(lease);
        next.sort(Comparator.comparing(LeaseInfo::name));
        return new ClusterMetadata(metaNodes, dataNodes, databases, maxNodeId, maxShardGroupId, maxShardId, version,
                users, next);
    }

    private static List<NodeInfo> sortedById(List<NodeInfo> nodes) {
        List<NodeInfo> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingLong(NodeInfo::id));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).id() == sorted.get(i).id()) {
                throw new IllegalArgumentException("duplicate node id " + sorted.get(i).id());
            }
        }
        return List.copyOf(sorted);
    }
}
