package io.shardline.meta.service;

import io.shardline.common.error.ShardlineException;
import io.shardline.meta.codec.ContinuousQueryMessages;
import io.shardline.meta.codec.SchemaMessages;
import io.shardline.meta.codec.UserMessages;
import io.shardline.meta.state.MetaCommand;
import io.shardline.proto.meta.ChangeRequest;
import java.util.function.UnaryOperator;

/**
 * Turns a MetaService change request into the command that is logged, stamping what a command
 * needs on the node that received the request: times ({@code now}, Unix nanoseconds), this meta
 * node's {@code [meta] retention-autocreate} and {@code lease-duration}, and the bcrypt hashes of passwords (so no password is
 * ever logged). Pure apart from the given hasher.
 */
public final class ChangeRequests {

    private ChangeRequests() {
    }

    /**
     * @throws ShardlineException {@code INVALID_ARGUMENT} for a request without a change
     */
    public static MetaCommand toCommand(ChangeRequest r, long now, boolean retentionAutoCreate, long leaseDuration,
                                        UnaryOperator<String> passwordHasher) {
        return switch (r.getChangeCase()) {
            case CREATE_DATABASE -> autoCreate(SchemaMessages.decode(r.getCreateDatabase()), retentionAutoCreate);
            case DROP_DATABASE -> new MetaCommand.DropDatabase(r.getDropDatabase().getName());
            case CREATE_RETENTION_POLICY -> SchemaMessages.decode(r.getCreateRetentionPolicy());
            case ALTER_RETENTION_POLICY -> SchemaMessages.decode(r.getAlterRetentionPolicy());
            case DROP_RETENTION_POLICY -> new MetaCommand.DropRetentionPolicy(r.getDropRetentionPolicy().getDatabase(),
                    r.getDropRetentionPolicy().getName());
            case CREATE_SHARD_GROUP -> new MetaCommand.CreateShardGroup(r.getCreateShardGroup().getDatabase(),
                    r.getCreateShardGroup().getRetentionPolicy(), r.getCreateShardGroup().getTimestamp());
            case DELETE_SHARD_GROUP -> new MetaCommand.DeleteShardGroup(r.getDeleteShardGroup().getDatabase(),
                    r.getDeleteShardGroup().getRetentionPolicy(), r.getDeleteShardGroup().getShardGroupId(), now);
            case TRUNCATE_SHARD_GROUPS -> new MetaCommand.TruncateShardGroups(
                    Math.addExact(now, Math.max(0, r.getTruncateShardGroups().getDelay())));
            case ENFORCE_RETENTION -> new MetaCommand.EnforceRetention(now);
            case PRECREATE_SHARD_GROUPS -> new MetaCommand.PrecreateShardGroups(now,
                    r.getPrecreateShardGroups().getAdvancePeriod());
            case PRUNE_SHARD_GROUPS -> new MetaCommand.PruneShardGroups(now - r.getPruneShardGroups().getRetainDeleted());
            case CREATE_CONTINUOUS_QUERY -> ContinuousQueryMessages.decode(r.getCreateContinuousQuery());
            case DROP_CONTINUOUS_QUERY -> ContinuousQueryMessages.decode(r.getDropContinuousQuery());
            case RECORD_CONTINUOUS_QUERY_RUN -> new MetaCommand.RecordContinuousQueryRun(
                    r.getRecordContinuousQueryRun().getDatabase(), r.getRecordContinuousQueryRun().getName(),
                    r.getRecordContinuousQueryRun().getNodeId(), r.getRecordContinuousQueryRun().getLastRun(), now);
            case ACQUIRE_LEASE -> new MetaCommand.AcquireLease(r.getAcquireLease().getName(),
                    r.getAcquireLease().getNodeId(), now, leaseDuration);
            default -> nodeCommand(r, passwordHasher);
        };
    }

    /** The default policy is created only if the client asked for it and this meta node's config allows it. */
    private static MetaCommand autoCreate(MetaCommand.CreateDatabase c, boolean allowed) {
        return new MetaCommand.CreateDatabase(c.name(), c.retentionPolicy(), c.retentionAutoCreate() && allowed);
    }

    private static MetaCommand nodeCommand(ChangeRequest r, UnaryOperator<String> passwordHasher) {
        return switch (r.getChangeCase()) {
            case ADD_DATA_NODE -> new MetaCommand.AddDataNode(r.getAddDataNode().getTcpAddress(),
                    r.getAddDataNode().getHttpAddress());
            case UPDATE_DATA_NODE -> new MetaCommand.UpdateDataNode(r.getUpdateDataNode().getOldTcpAddress(),
                    r.getUpdateDataNode().getNewTcpAddress(), r.getUpdateDataNode().getNewHttpAddress());
            case ADD_SHARD_OWNER -> new MetaCommand.AddShardOwner(r.getAddShardOwner().getShardId(),
                    r.getAddShardOwner().getNodeId());
            case REMOVE_SHARD_OWNER -> new MetaCommand.RemoveShardOwner(r.getRemoveShardOwner().getShardId(),
                    r.getRemoveShardOwner().getNodeId());
            default -> userCommand(r, passwordHasher);
        };
    }

    private static MetaCommand userCommand(ChangeRequest r, UnaryOperator<String> passwordHasher) {
        return switch (r.getChangeCase()) {
            case CREATE_USER -> new MetaCommand.CreateUser(r.getCreateUser().getName(),
                    r.getCreateUser().getHash().isEmpty() ? passwordHasher.apply(r.getCreateUser().getPassword())
                            : UserCreation.restoredHash(r.getCreateUser()), r.getCreateUser().getAdmin());
            case DROP_USER -> new MetaCommand.DropUser(r.getDropUser().getName());
            case SET_PASSWORD -> new MetaCommand.UpdateUserPassword(r.getSetPassword().getName(),
                    passwordHasher.apply(r.getSetPassword().getPassword()));
            case SET_USER_PRIVILEGE -> UserMessages.decode(r.getSetUserPrivilege());
            case SET_USER_ADMIN -> new MetaCommand.SetUserAdmin(r.getSetUserAdmin().getName(),
                    r.getSetUserAdmin().getAdmin());
            default -> throw ShardlineException.invalid("change request without a change");
        };
    }
}
