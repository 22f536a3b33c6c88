package io.shardline.meta.client;

import io.shardline.common.auth.Privilege;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.LeaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.meta.model.UserInfo;
import io.shardline.meta.rpc.GrpcCalls;
import io.shardline.meta.rpc.MetadataCodec;
import io.shardline.proto.meta.AddDataNode;
import io.shardline.proto.meta.AddMetaNodeRequest;
import io.shardline.proto.meta.AddShardOwner;
import io.shardline.proto.meta.AlterRetentionPolicy;
import io.shardline.proto.meta.AcquireLeaseRequest;
import io.shardline.proto.meta.ChangeRequest;
import io.shardline.proto.meta.CreateContinuousQuery;
import io.shardline.proto.meta.DropContinuousQuery;
import io.shardline.proto.meta.RecordContinuousQueryRunRequest;
import io.shardline.proto.meta.ChangeResponse;
import io.shardline.proto.meta.CreateDatabase;
import io.shardline.proto.meta.CreateRetentionPolicy;
import io.shardline.proto.meta.CreateShardGroup;
import io.shardline.proto.meta.CreateUserRequest;
import io.shardline.proto.meta.DropUser;
import io.shardline.proto.meta.SetPasswordRequest;
import io.shardline.proto.meta.SetUserAdmin;
import io.shardline.proto.meta.SetUserPrivilege;
import io.shardline.proto.meta.DeleteShardGroupRequest;
import io.shardline.proto.meta.DropDatabase;
import io.shardline.proto.meta.DropRetentionPolicy;
import io.shardline.proto.meta.EnforceRetentionRequest;
import io.shardline.proto.meta.NodeMessage;
import io.shardline.proto.meta.PrecreateShardGroupsRequest;
import io.shardline.proto.meta.PruneShardGroupsRequest;
import io.shardline.proto.meta.RemoveDataNodeRequest;
import io.shardline.proto.meta.RemoveMetaNodeRequest;
import io.shardline.proto.meta.RemoveShardOwner;
import io.shardline.proto.meta.RetentionPolicySpecMessage;
import io.shardline.proto.meta.TruncateShardGroupsRequest;
import io.shardline.proto.meta.UpdateDataNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The metadata changes of the MetaService as typed calls with domain values; each blocks and retries
 * like every {@link MetaClient} call and throws the server's {@code ShardlineException} unchanged.
 * Times are stamped by the meta node that receives the call. Thread-safe (stateless over the client).
 */
public final class MetaChanges {

    /** A membership change waits for the new member to catch up; one attempt may take this long. */
    private static final Duration MEMBERSHIP_ATTEMPT = Duration.ofSeconds(30);

    private final MetaClient client;

    MetaChanges(MetaClient client) {
        this.client = client;
    }

    /** CREATE DATABASE with the default policy {@code autogen} (if {@code retentionAutoCreate}). */
    public DatabaseInfo createDatabase(String name, Optional<RetentionPolicySettings> policy,
                                       boolean retentionAutoCreate) {
        CreateDatabase.Builder b = CreateDatabase.newBuilder().setName(name).setRetentionAutoCreate(retentionAutoCreate);
        policy.ifPresent(p -> b.setRetentionPolicy(spec(p)));
        return MetadataCodec.decode(change(ChangeRequest.newBuilder().setCreateDatabase(b)).getDatabase());
    }

    public void dropDatabase(String name) {
        change(ChangeRequest.newBuilder().setDropDatabase(DropDatabase.newBuilder().setName(name)));
    }

    public RetentionPolicyInfo createRetentionPolicy(String database, RetentionPolicySettings policy,
                                                     boolean makeDefault) {
        return MetadataCodec.decode(change(ChangeRequest.newBuilder().setCreateRetentionPolicy(CreateRetentionPolicy
                .newBuilder().setDatabase(database).setSpec(spec(policy)).setMakeDefault(makeDefault))).getRetentionPolicy());
    }

    /**
     * ALTER RETENTION POLICY: empty options stay as they are; changes apply to new shard groups only.
     */
    public RetentionPolicyInfo alterRetentionPolicy(String database, String name, OptionalLong duration,
                                                    OptionalInt replicaN, OptionalLong shardGroupDuration,
                                                    boolean makeDefault) {
        AlterRetentionPolicy.Builder b = AlterRetentionPolicy.newBuilder().setDatabase(database).setName(name)
                .setMakeDefault(makeDefault);
        duration.ifPresent(b::setDuration);
        replicaN.ifPresent(b::setReplicaN);
        shardGroupDuration.ifPresent(b::setShardGroupDuration);
        return MetadataCodec.decode(change(ChangeRequest.newBuilder().setAlterRetentionPolicy(b)).getRetentionPolicy());
    }

    public void dropRetentionPolicy(String database, String name) {
        change(ChangeRequest.newBuilder().setDropRetentionPolicy(DropRetentionPolicy.newBuilder()
                .setDatabase(database).setName(name)));
    }

    /**
     * The shard group covering {@code timestamp}: from the cached view when it has one, else created
     * (idempotently) through the meta leader.
     */
    public ShardGroupInfo createShardGroupIfNotExists(String database, String policy, long timestamp) {
        Optional<ShardGroupInfo> cached = client.view().metadata().shardGroupAt(database, policy, timestamp);
        if (cached.isPresent()) {
            return cached.get();
        }
        return MetadataCodec.decode(change(ChangeRequest.newBuilder().setCreateShardGroup(CreateShardGroup.newBuilder()
                .setDatabase(database).setRetentionPolicy(policy).setTimestamp(timestamp))).getShardGroup());
    }

    public ShardGroupInfo deleteShardGroup(String database, String policy, long shardGroupId) {
        return MetadataCodec.decode(change(ChangeRequest.newBuilder().setDeleteShardGroup(DeleteShardGroupRequest
                .newBuilder().setDatabase(database).setRetentionPolicy(policy).setShardGroupId(shardGroupId)))
                .getShardGroup());
    }

    /** truncate-shards: ends hot groups at now + {@code delay}. */
    public List<ShardGroupInfo> truncateShardGroups(Duration delay) {
        return groups(change(ChangeRequest.newBuilder().setTruncateShardGroups(
                TruncateShardGroupsRequest.newBuilder().setDelay(delay.toNanos()))));
    }

    public List<ShardGroupInfo> enforceRetention() {
        return groups(change(ChangeRequest.newBuilder().setEnforceRetention(EnforceRetentionRequest.getDefaultInstance())));
    }

    public List<ShardGroupInfo> precreateShardGroups(Duration advancePeriod) {
        return groups(change(ChangeRequest.newBuilder().setPrecreateShardGroups(
                PrecreateShardGroupsRequest.newBuilder().setAdvancePeriod(advancePeriod.toNanos()))));
    }

    public List<ShardGroupInfo> pruneShardGroups(Duration retainDeleted) {
        return groups(change(ChangeRequest.newBuilder().setPruneShardGroups(
                PruneShardGroupsRequest.newBuilder().setRetainDeleted(retainDeleted.toNanos()))));
    }

    /** add-data; idempotent by TCP address, so a restarting node gets its id back. */
    public NodeInfo addDataNode(String tcpAddress, String httpAddress) {
        return node(change(ChangeRequest.newBuilder().setAddDataNode(AddDataNode.newBuilder()
                .setTcpAddress(tcpAddress).setHttpAddress(httpAddress))).getNode());
    }

    /** update-data: the node keeps its id and shards at new addresses ("" keeps the HTTP address). */
    public NodeInfo updateDataNode(String oldTcpAddress, String newTcpAddress, String newHttpAddress) {
        return node(change(ChangeRequest.newBuilder().setUpdateDataNode(UpdateDataNode.newBuilder()
                .setOldTcpAddress(oldTcpAddress).setNewTcpAddress(newTcpAddress).setNewHttpAddress(newHttpAddress)))
                .getNode());
    }

    /** remove-data; without {@code force} only while the node is live. */
    public NodeInfo removeDataNode(String tcpAddress, boolean force) {
        RemoveDataNodeRequest request = RemoveDataNodeRequest.newBuilder().setTcpAddress(tcpAddress).setForce(force)
                .build();
        return node(client.call("remove data node", stub -> GrpcCalls.<NodeMessage>unary(o ->
                stub.removeDataNode(request, o))));
    }

    /** add-meta: joins the meta node serving MetaService at {@code httpAddress} to the Raft group. */
    public NodeInfo addMetaNode(String httpAddress) {
        AddMetaNodeRequest request = AddMetaNodeRequest.newBuilder().setHttpAddress(httpAddress).build();
        return node(client.call("add meta node", stub -> GrpcCalls.<NodeMessage>unary(o -> stub.addMetaNode(request, o)),
                MEMBERSHIP_ATTEMPT));
    }

    /** remove-meta; {@code force} removes an unreachable node, for which {@code raftAddress} is required. */
    public void removeMetaNode(String httpAddress, String raftAddress, boolean force) {
        RemoveMetaNodeRequest request = RemoveMetaNodeRequest.newBuilder().setHttpAddress(httpAddress)
                .setRaftAddress(raftAddress).setForce(force).build();
        client.call("remove meta node", stub -> GrpcCalls.<NodeMessage>unary(o -> stub.removeMetaNode(request, o)),
                MEMBERSHIP_ATTEMPT);
    }

    public ShardInfo addShardOwner(long shardId, long nodeId) {
        return MetadataCodec.decode(change(ChangeRequest.newBuilder().setAddShardOwner(AddShardOwner.newBuilder()
                .setShardId(shardId).setNodeId(nodeId))).getShard());
    }

    public ShardInfo removeShardOwner(long shardId, long nodeId) {
        return MetadataCodec.decode(change(ChangeRequest.newBuilder().setRemoveShardOwner(RemoveShardOwner.newBuilder()
                .setShardId(shardId).setNodeId(nodeId))).getShard());
    }

    /** CREATE USER: the meta node stores the bcrypt hash of {@code password}; idempotent for the same user. */
    public UserInfo createUser(String name, String password, boolean admin) {
        return MetadataCodec.decode(change(ChangeRequest.newBuilder().setCreateUser(CreateUserRequest.newBuilder()
                .setName(name).setPassword(password).setAdmin(admin))).getUser());
    }

    /**
     * Restore: creates a user with a bcrypt hash as 1.x stores it (from a backup's {@code .meta});
     * idempotent for the same user, hash and admin flag.
     */
    public UserInfo restoreUser(String name, String hash, boolean admin) {
        return MetadataCodec.decode(change(ChangeRequest.newBuilder().setCreateUser(CreateUserRequest.newBuilder()
                .setName(name).setHash(hash).setAdmin(admin))).getUser());
    }

    public void dropUser(String name) {
        change(ChangeRequest.newBuilder().setDropUser(DropUser.newBuilder().setName(name)));
    }

    /** SET PASSWORD FOR. */
    public void setPassword(String name, String password) {
        change(ChangeRequest.newBuilder().setSetPassword(SetPasswordRequest.newBuilder().setName(name)
                .setPassword(password)));
    }

    /** GRANT (or with {@code revoke}, REVOKE) {@code privilege} ON database TO|FROM user. */
    public void setPrivilege(String name, String database, Privilege privilege, boolean revoke) {
        change(ChangeRequest.newBuilder().setSetUserPrivilege(SetUserPrivilege.newBuilder().setName(name)
                .setDatabase(database).setPrivilege(privilege.bits()).setRevoke(revoke)));
    }

    /** GRANT / REVOKE ALL PRIVILEGES TO|FROM user. */
    public void setAdmin(String name, boolean admin) {
        change(ChangeRequest.newBuilder().setSetUserAdmin(SetUserAdmin.newBuilder().setName(name).setAdmin(admin)));
    }

    /**
     * CREATE CONTINUOUS QUERY with the normalised text; idempotent for the same text.
     *
     * @throws io.shardline.common.error.ShardlineException {@code continuous query already exists} or
     *     {@code database not found: db}
     */
    public void createContinuousQuery(String database, String name, String query) {
        change(ChangeRequest.newBuilder().setCreateContinuousQuery(CreateContinuousQuery.newBuilder()
                .setDatabase(database).setName(name).setQuery(query)));
    }

    /** DROP CONTINUOUS QUERY; a no-op when it does not exist. */
    public void dropContinuousQuery(String database, String name) {
        change(ChangeRequest.newBuilder().setDropContinuousQuery(DropContinuousQuery.newBuilder()
                .setDatabase(database).setName(name)));
    }

    /**
     * Records that this node, holding the {@code continuous_querier} lease, ran a continuous query for
     * {@code lastRun}.
     *
     * @throws io.shardline.common.error.ShardlineException {@code ALREADY_EXISTS} when the node does not hold
     *     the lease
     */
    public void recordContinuousQueryRun(String database, String name, long nodeId, long lastRun) {
        change(ChangeRequest.newBuilder().setRecordContinuousQueryRun(RecordContinuousQueryRunRequest.newBuilder()
                .setDatabase(database).setName(name).setNodeId(nodeId).setLastRun(lastRun)));
    }

    /**
     * Enterprise's {@code /lease}: grants or renews lease {@code name} for {@code nodeId} for the meta nodes'
     * {@code [meta] lease-duration}.
     *
     * @throws io.shardline.common.error.ShardlineException {@code ALREADY_EXISTS} ({@code another node has the
     *     lease}) when another node holds it
     */
    public LeaseInfo acquireLease(String name, long nodeId) {
        return MetadataCodec.decode(change(ChangeRequest.newBuilder().setAcquireLease(AcquireLeaseRequest.newBuilder()
                .setName(name).setNodeId(nodeId))).getLease());
    }

    private ChangeResponse change(ChangeRequest.Builder request) {
        return client.change(request.build());
    }

    private static NodeInfo node(NodeMessage m) {
        return MetadataCodec.decode(m);
    }

    private static List<ShardGroupInfo> groups(ChangeResponse r) {
        return r.getShardGroups().getGroupsList().stream().map(MetadataCodec::decode).toList();
    }

    private static RetentionPolicySpecMessage spec(RetentionPolicySettings p) {
        RetentionPolicySpecMessage.Builder b = RetentionPolicySpecMessage.newBuilder().setName(p.name())
                .setShardGroupDuration(p.shardGroupDuration());
        p.duration().ifPresent(b::setDuration);
        p.replicaN().ifPresent(b::setReplicaN);
        return b.build();
    }
}
