package io.shardline.meta.state;

import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.ClusterMetadata;
import java.util.Objects;

/**
 * The replicated cluster metadata as a pure, deterministic state machine: {@link #apply} maps a state,
 * a command and its Raft log index to the next state and a result, reading no clock and no randomness
 * (times come inside the commands). Immutable; the version of the metadata is the last applied index.
 */
public record MetaState(ClusterMetadata metadata) {

    public MetaState {
        Objects.requireNonNull(metadata, "metadata");
    }

    /** The state of a new cluster. */
    public static MetaState empty() {
        return new MetaState(ClusterMetadata.EMPTY);
    }

    /** The log index of the last applied command. */
    public long version() {
        return metadata.version();
    }

    /**
     * Applies one committed command. A rejected command leaves the metadata as it was but still
     * advances the version to {@code logIndex}; an index at or below the version is refused without
     * any change (Raft never re-applies an index, so this signals a bug in the caller). A bug that
     * throws inside a handler becomes an {@link ErrorCode#INTERNAL} failure rather than an exception.
     */
    public MetaTransition apply(MetaCommand command, long logIndex) {
        Objects.requireNonNull(command, "command");
        if (logIndex <= metadata.version()) {
            return new MetaTransition(this, MetaResult.failure(ErrorCode.INTERNAL,
                    "log index " + logIndex + " is not after the applied index " + metadata.version()));
        }
        Outcome outcome;
        try {
            outcome = dispatch(command);
        } catch (RuntimeException bug) {
            // Deterministic on every replica, and Ratis stops a server whose state machine throws.
            outcome = Outcome.fail(ErrorCode.INTERNAL, "applying " + command + " failed: " + bug);
        }
        ClusterMetadata next = outcome.failed() ? metadata : outcome.metadata();
        return new MetaTransition(new MetaState(next.withVersion(logIndex)), outcome.result());
    }

    private Outcome dispatch(MetaCommand command) {
        ClusterMetadata meta = metadata;
        if (command instanceof MetaCommand.CreateShardGroup c) {
            return ShardGroupCreation.createIfNotExists(meta, c);
        } else if (command instanceof MetaCommand.CreateDatabase c) {
            return DatabaseCommands.create(meta, c);
        } else if (command instanceof MetaCommand.DropDatabase c) {
            return DatabaseCommands.drop(meta, c);
        } else if (command instanceof MetaCommand.CreateRetentionPolicy c) {
            return RetentionPolicyCommands.create(meta, c);
        } else if (command instanceof MetaCommand.AlterRetentionPolicy c) {
            return RetentionPolicyCommands.alter(meta, c);
        } else if (command instanceof MetaCommand.DropRetentionPolicy c) {
            return RetentionPolicyCommands.drop(meta, c);
        }
        return dispatchShardGroups(meta, command);
    }

    private static Outcome dispatchShardGroups(ClusterMetadata meta, MetaCommand command) {
        if (command instanceof MetaCommand.DeleteShardGroup c) {
            return ShardGroupSweeps.delete(meta, c);
        } else if (command instanceof MetaCommand.TruncateShardGroups c) {
            return ShardGroupSweeps.truncate(meta, c);
        } else if (command instanceof MetaCommand.EnforceRetention c) {
            return ShardGroupSweeps.enforceRetention(meta, c);
        } else if (command instanceof MetaCommand.PrecreateShardGroups c) {
            return ShardGroupSweeps.precreate(meta, c);
        } else if (command instanceof MetaCommand.PruneShardGroups c) {
            return ShardGroupSweeps.prune(meta, c);
        } else if (command instanceof MetaCommand.AddShardOwner c) {
            return ShardOwnerCommands.addOwner(meta, c);
        } else if (command instanceof MetaCommand.RemoveShardOwner c) {
            return ShardOwnerCommands.removeOwner(meta, c);
        }
        return dispatchNodes(meta, command);
    }

    private static Outcome dispatchNodes(ClusterMetadata meta, MetaCommand command) {
        if (command instanceof MetaCommand.AddDataNode c) {
            return NodeCommands.addDataNode(meta, c);
        } else if (command instanceof MetaCommand.RemoveDataNode c) {
            return NodeCommands.removeDataNode(meta, c);
        } else if (command instanceof MetaCommand.UpdateDataNode c) {
            return NodeCommands.updateDataNode(meta, c);
        } else if (command instanceof MetaCommand.AddMetaNode c) {
            return NodeCommands.addMetaNode(meta, c);
        } else if (command instanceof MetaCommand.RemoveMetaNode c) {
            return NodeCommands.removeMetaNode(meta, c);
        }
        return dispatchUsers(meta, command);
    }

    private static Outcome dispatchUsers(ClusterMetadata meta, MetaCommand command) {
        if (command instanceof MetaCommand.CreateUser c) {
            return UserCommands.create(meta, c);
        } else if (command instanceof MetaCommand.DropUser c) {
            return UserCommands.drop(meta, c);
        } else if (command instanceof MetaCommand.UpdateUserPassword c) {
            return UserCommands.updatePassword(meta, c);
        } else if (command instanceof MetaCommand.SetUserPrivilege c) {
            return UserCommands.setPrivilege(meta, c);
        } else if (command instanceof MetaCommand.SetUserAdmin c) {
            return UserCommands.setAdmin(meta, c);
        }
        return dispatchContinuousQueries(meta, command);
    }

    private static Outcome dispatchContinuousQueries(ClusterMetadata meta, MetaCommand command) {
        if (command instanceof MetaCommand.CreateContinuousQuery c) {
            return ContinuousQueryCommands.create(meta, c);
        } else if (command instanceof MetaCommand.DropContinuousQuery c) {
            return ContinuousQueryCommands.drop(meta, c);
        } else if (command instanceof MetaCommand.RecordContinuousQueryRun c) {
            return ContinuousQueryCommands.recordRun(meta, c);
        } else if (command instanceof MetaCommand.AcquireLease c) {
            return ContinuousQueryCommands.acquireLease(meta, c);
        }
        return Outcome.fail(ErrorCode.INTERNAL, "unhandled meta command " + command.getClass().getName());
    }
}
