package io.shardline.meta.rpc;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ContinuousQueryInfo;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.LeaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.meta.model.UserInfo;
import io.shardline.common.auth.Privilege;
import io.shardline.proto.meta.ClusterMetadataMessage;
import io.shardline.proto.meta.ContinuousQueryInfoMessage;
import io.shardline.proto.meta.DatabaseInfoMessage;
import io.shardline.proto.meta.LeaseMessage;
import io.shardline.proto.meta.NodeMessage;
import io.shardline.proto.meta.RetentionPolicyInfoMessage;
import io.shardline.proto.meta.ShardGroupInfoMessage;
import io.shardline.proto.meta.ShardInfoMessage;
import io.shardline.proto.meta.UserInfoMessage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts the cluster-metadata records to their protobuf messages and back, for the MetaService,
 * the Raft snapshots and the data node's cached view. Stateless. Decoding validates through the
 * records' constructors, so a malformed message fails with an {@link IllegalArgumentException}.
 */
public final class MetadataCodec {

    private MetadataCodec() {
    }

    public static ClusterMetadataMessage encode(ClusterMetadata m) {
        ClusterMetadataMessage.Builder b = ClusterMetadataMessage.newBuilder()
                .setMaxNodeId(m.maxNodeId()).setMaxShardGroupId(m.maxShardGroupId()).setMaxShardId(m.maxShardId())
                .setVersion(m.version());
        m.metaNodes().forEach(n -> b.addMetaNodes(encode(n)));
        m.dataNodes().forEach(n -> b.addDataNodes(encode(n)));
        m.databases().values().forEach(db -> b.addDatabases(encode(db)));
        m.users().forEach(u -> b.addUsers(encode(u)));
        m.leases().forEach(l -> b.addLeases(encode(l)));
        return b.build();
    }

    public static ClusterMetadata decode(ClusterMetadataMessage m) {
        TreeMap<String, DatabaseInfo> databases = new TreeMap<>();
        for (DatabaseInfoMessage db : m.getDatabasesList()) {
            DatabaseInfo info = decode(db);
            databases.put(info.name(), info);
        }
        return new ClusterMetadata(nodes(m.getMetaNodesList()), nodes(m.getDataNodesList()), databases,
                m.getMaxNodeId(), m.getMaxShardGroupId(), m.getMaxShardId(), m.getVersion(),
                m.getUsersList().stream().map(MetadataCodec::decode).toList(),
                m.getLeasesList().stream().map(MetadataCodec::decode).toList());
    }

    public static LeaseMessage encode(LeaseInfo l) {
        return LeaseMessage.newBuilder().setName(l.name()).setNodeId(l.nodeId()).setExpiresAt(l.expiresAt()).build();
    }

    public static LeaseInfo decode(LeaseMessage l) {
        return new LeaseInfo(l.getName(), l.getNodeId(), l.getExpiresAt());
    }

    public static UserInfoMessage encode(UserInfo u) {
        UserInfoMessage.Builder b = UserInfoMessage.newBuilder().setName(u.name()).setHash(u.hash()).setAdmin(u.admin());
        u.privileges().forEach((db, p) -> b.putPrivileges(db, p.bits()));
        return b.build();
    }

    public static UserInfo decode(UserInfoMessage u) {
        TreeMap<String, Privilege> privileges = new TreeMap<>();
        for (Map.Entry<String, Integer> e : u.getPrivilegesMap().entrySet()) {
            privileges.put(e.getKey(), Privilege.ofBits(e.getValue()));
        }
        return new UserInfo(u.getName(), u.getHash(), u.getAdmin(), privileges);
    }

    public static NodeMessage encode(NodeInfo n) {
        return NodeMessage.newBuilder().setId(n.id()).setTcpAddress(n.tcpAddress()).setHttpAddress(n.httpAddress())
                .build();
    }

    public static NodeInfo decode(NodeMessage n) {
        return new NodeInfo(n.getId(), n.getTcpAddress(), n.getHttpAddress());
    }

    public static DatabaseInfoMessage encode(DatabaseInfo db) {
        DatabaseInfoMessage.Builder b = DatabaseInfoMessage.newBuilder().setName(db.name())
                .setDefaultRetentionPolicy(db.defaultRetentionPolicyName());
        db.retentionPolicies().values().forEach(rp -> b.addRetentionPolicies(encode(rp)));
        db.continuousQueries().forEach(q -> b.addContinuousQueries(ContinuousQueryInfoMessage.newBuilder()
                .setName(q.name()).setQuery(q.query()).setLastRun(q.lastRun())));
        return b.build();
    }

    public static DatabaseInfo decode(DatabaseInfoMessage db) {
        TreeMap<String, RetentionPolicyInfo> policies = new TreeMap<>();
        for (RetentionPolicyInfoMessage rp : db.getRetentionPoliciesList()) {
            policies.put(rp.getName(), decode(rp));
        }
        return new DatabaseInfo(db.getName(), db.getDefaultRetentionPolicy(), policies,
                db.getContinuousQueriesList().stream().map(q -> new ContinuousQueryInfo(q.getName(), q.getQuery(),
                        q.getLastRun())).toList());
    }

    public static RetentionPolicyInfoMessage encode(RetentionPolicyInfo rp) {
        RetentionPolicyInfoMessage.Builder b = RetentionPolicyInfoMessage.newBuilder().setName(rp.name())
                .setDuration(rp.duration()).setShardGroupDuration(rp.shardGroupDuration()).setReplicaN(rp.replicaN());
        rp.shardGroups().forEach(g -> b.addShardGroups(encode(g)));
        return b.build();
    }

    public static RetentionPolicyInfo decode(RetentionPolicyInfoMessage rp) {
        return new RetentionPolicyInfo(rp.getName(), rp.getDuration(), rp.getShardGroupDuration(), rp.getReplicaN(),
                rp.getShardGroupsList().stream().map(MetadataCodec::decode).toList());
    }

    public static ShardGroupInfoMessage encode(ShardGroupInfo g) {
        ShardGroupInfoMessage.Builder b = ShardGroupInfoMessage.newBuilder().setId(g.id()).setStartTime(g.startTime())
                .setEndTime(g.endTime()).setTruncatedAt(g.truncatedAt()).setDeletedAt(g.deletedAt());
        g.shards().forEach(s -> b.addShards(encode(s)));
        return b.build();
    }

    public static ShardGroupInfo decode(ShardGroupInfoMessage g) {
        return new ShardGroupInfo(g.getId(), g.getStartTime(), g.getEndTime(), g.getTruncatedAt(), g.getDeletedAt(),
                g.getShardsList().stream().map(MetadataCodec::decode).toList());
    }

    public static ShardInfoMessage encode(ShardInfo s) {
        return ShardInfoMessage.newBuilder().setId(s.id()).addAllOwners(s.owners()).build();
    }

    public static ShardInfo decode(ShardInfoMessage s) {
        return new ShardInfo(s.getId(), s.getOwnersList());
    }

    private static List<NodeInfo> nodes(List<NodeMessage> messages) {
        return messages.stream().map(MetadataCodec::decode).toList();
    }
}
