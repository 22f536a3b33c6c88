package io.shardline.meta.codec;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.state.MetaCommand;
import io.shardline.proto.meta.AddDataNode;
import io.shardline.proto.meta.AddMetaNode;
import io.shardline.proto.meta.AddShardOwner;
import io.shardline.proto.meta.CreateShardGroup;
import io.shardline.proto.meta.DeleteShardGroup;
import io.shardline.proto.meta.DropDatabase;
import io.shardline.proto.meta.DropRetentionPolicy;
import io.shardline.proto.meta.EnforceRetention;
import io.shardline.proto.meta.MetaCommandEnvelope;
import io.shardline.proto.meta.PrecreateShardGroups;
import io.shardline.proto.meta.PruneShardGroups;
import io.shardline.proto.meta.RemoveDataNode;
import io.shardline.proto.meta.RemoveMetaNode;
import io.shardline.proto.meta.RemoveShardOwner;
import io.shardline.proto.meta.TruncateShardGroups;
import io.shardline.proto.meta.UpdateDataNode;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * Encodes {@link MetaCommand}s as Raft log entries ({@link MetaCommandEnvelope}, format
 * {@value #FORMAT_VERSION}) and decodes them. Stateless. Decoding an entry of an unknown format or
 * command fails with {@link ErrorCode#CORRUPTED} rather than guessing.
 */
public final class MetaCommandCodec {

    /** The envelope format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private MetaCommandCodec() {
    }

    public static byte[] encode(MetaCommand command) {
        return toEnvelope(command).toByteArray();
    }

    public static MetaCommand decode(byte[] bytes) {
        try {
            return fromEnvelope(MetaCommandEnvelope.parseFrom(bytes));
        } catch (InvalidProtocolBufferException e) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "undecodable meta command: " + e.getMessage(), e);
        }
    }

    public static MetaCommandEnvelope toEnvelope(MetaCommand command) {
        MetaCommandEnvelope.Builder b = MetaCommandEnvelope.newBuilder().setVersion(FORMAT_VERSION);
        if (command instanceof MetaCommand.CreateDatabase c) {
            b.setCreateDatabase(SchemaMessages.encode(c));
        } else if (command instanceof MetaCommand.DropDatabase c) {
            b.setDropDatabase(DropDatabase.newBuilder().setName(c.name()));
        } else if (command instanceof MetaCommand.CreateRetentionPolicy c) {
            b.setCreateRetentionPolicy(SchemaMessages.encode(c));
        } else if (command instanceof MetaCommand.AlterRetentionPolicy c) {
            b.setAlterRetentionPolicy(SchemaMessages.encode(c));
        } else if (command instanceof MetaCommand.DropRetentionPolicy c) {
            b.setDropRetentionPolicy(DropRetentionPolicy.newBuilder().setDatabase(c.database()).setName(c.name()));
        } else if (command instanceof MetaCommand.CreateShardGroup c) {
            b.setCreateShardGroup(CreateShardGroup.newBuilder().setDatabase(c.database())
                    .setRetentionPolicy(c.retentionPolicy()).setTimestamp(c.timestamp()));
        } else {
            encodeGroupsAndNodes(command, b);
        }
        return b.build();
    }

    private static void encodeGroupsAndNodes(MetaCommand command, MetaCommandEnvelope.Builder b) {
        if (command instanceof MetaCommand.DeleteShardGroup c) {
            b.setDeleteShardGroup(DeleteShardGroup.newBuilder().setDatabase(c.database())
                    .setRetentionPolicy(c.retentionPolicy()).setShardGroupId(c.shardGroupId()).setDeletedAt(c.deletedAt()));
        } else if (command instanceof MetaCommand.TruncateShardGroups c) {
            b.setTruncateShardGroups(TruncateShardGroups.newBuilder().setTruncateAt(c.truncateAt()));
        } else if (command instanceof MetaCommand.EnforceRetention c) {
            b.setEnforceRetention(EnforceRetention.newBuilder().setNow(c.now()));
        } else if (command instanceof MetaCommand.PrecreateShardGroups c) {
            b.setPrecreateShardGroups(PrecreateShardGroups.newBuilder().setNow(c.now()).setAdvancePeriod(c.advancePeriod()));
        } else if (command instanceof MetaCommand.PruneShardGroups c) {
            b.setPruneShardGroups(PruneShardGroups.newBuilder().setDeletedBefore(c.deletedBefore()));
        } else if (command instanceof MetaCommand.AddShardOwner c) {
            b.setAddShardOwner(AddShardOwner.newBuilder().setShardId(c.shardId()).setNodeId(c.nodeId()));
        } else if (command instanceof MetaCommand.RemoveShardOwner c) {
            b.setRemoveShardOwner(RemoveShardOwner.newBuilder().setShardId(c.shardId()).setNodeId(c.nodeId()));
        } else {
            encodeNodes(command, b);
        }
    }

    private static void encodeNodes(MetaCommand command, MetaCommandEnvelope.Builder b) {
        if (command instanceof MetaCommand.AddDataNode c) {
            b.setAddDataNode(AddDataNode.newBuilder().setTcpAddress(c.tcpAddress()).setHttpAddress(c.httpAddress()));
        } else if (command instanceof MetaCommand.RemoveDataNode c) {
            b.setRemoveDataNode(RemoveDataNode.newBuilder().setNodeId(c.nodeId()));
        } else if (command instanceof MetaCommand.UpdateDataNode c) {
            b.setUpdateDataNode(UpdateDataNode.newBuilder().setOldTcpAddress(c.oldTcpAddress())
                    .setNewTcpAddress(c.newTcpAddress()).setNewHttpAddress(c.newHttpAddress()));
        } else if (command instanceof MetaCommand.AddMetaNode c) {
            b.setAddMetaNode(AddMetaNode.newBuilder().setRaftAddress(c.raftAddress()).setHttpAddress(c.httpAddress()));
        } else if (command instanceof MetaCommand.RemoveMetaNode c) {
            b.setRemoveMetaNode(RemoveMetaNode.newBuilder().setNodeId(c.nodeId()));
        } else if (!UserMessages.encode(command, b) && !ContinuousQueryMessages.encode(command, b)) {
            throw new IllegalArgumentException("no encoding for meta command " + command.getClass().getName());
        }
    }

    public static MetaCommand fromEnvelope(MetaCommandEnvelope e) {
        if (e.getVersion() != FORMAT_VERSION) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "meta command format " + e.getVersion()
                    + " is not supported (this node reads format " + FORMAT_VERSION + ")");
        }
        return switch (e.getCommandCase()) {
            case CREATE_DATABASE -> SchemaMessages.decode(e.getCreateDatabase());
            case DROP_DATABASE -> new MetaCommand.DropDatabase(e.getDropDatabase().getName());
            case CREATE_RETENTION_POLICY -> SchemaMessages.decode(e.getCreateRetentionPolicy());
            case ALTER_RETENTION_POLICY -> SchemaMessages.decode(e.getAlterRetentionPolicy());
            case DROP_RETENTION_POLICY -> new MetaCommand.DropRetentionPolicy(e.getDropRetentionPolicy().getDatabase(),
                    e.getDropRetentionPolicy().getName());
            case CREATE_SHARD_GROUP -> new MetaCommand.CreateShardGroup(e.getCreateShardGroup().getDatabase(),
                    e.getCreateShardGroup().getRetentionPolicy(), e.getCreateShardGroup().getTimestamp());
            case DELETE_SHARD_GROUP -> new MetaCommand.DeleteShardGroup(e.getDeleteShardGroup().getDatabase(),
                    e.getDeleteShardGroup().getRetentionPolicy(), e.getDeleteShardGroup().getShardGroupId(),
                    e.getDeleteShardGroup().getDeletedAt());
            case TRUNCATE_SHARD_GROUPS -> new MetaCommand.TruncateShardGroups(e.getTruncateShardGroups().getTruncateAt());
            case ENFORCE_RETENTION -> new MetaCommand.EnforceRetention(e.getEnforceRetention().getNow());
            case PRECREATE_SHARD_GROUPS -> new MetaCommand.PrecreateShardGroups(e.getPrecreateShardGroups().getNow(),
                    e.getPrecreateShardGroups().getAdvancePeriod());
            case PRUNE_SHARD_GROUPS -> new MetaCommand.PruneShardGroups(e.getPruneShardGroups().getDeletedBefore());
            default -> decodeNodes(e);
        };
    }

    private static MetaCommand decodeNodes(MetaCommandEnvelope e) {
        return switch (e.getCommandCase()) {
            case ADD_DATA_NODE -> new MetaCommand.AddDataNode(e.getAddDataNode().getTcpAddress(),
                    e.getAddDataNode().getHttpAddress());
            case REMOVE_DATA_NODE -> new MetaCommand.RemoveDataNode(e.getRemoveDataNode().getNodeId());
            case UPDATE_DATA_NODE -> new MetaCommand.UpdateDataNode(e.getUpdateDataNode().getOldTcpAddress(),
                    e.getUpdateDataNode().getNewTcpAddress(), e.getUpdateDataNode().getNewHttpAddress());
            case ADD_META_NODE -> new MetaCommand.AddMetaNode(e.getAddMetaNode().getRaftAddress(),
                    e.getAddMetaNode().getHttpAddress());
            case REMOVE_META_NODE -> new MetaCommand.RemoveMetaNode(e.getRemoveMetaNode().getNodeId());
            case ADD_SHARD_OWNER -> new MetaCommand.AddShardOwner(e.getAddShardOwner().getShardId(),
                    e.getAddShardOwner().getNodeId());
            case REMOVE_SHARD_OWNER -> new MetaCommand.RemoveShardOwner(e.getRemoveShardOwner().getShardId(),
                    e.getRemoveShardOwner().getNodeId());
            default -> decodeUsers(e);
        };
    }

    private static MetaCommand decodeUsers(MetaCommandEnvelope e) {
        MetaCommand user = UserMessages.decode(e);
        if (user == null) {
            user = ContinuousQueryMessages.decode(e);
        }
        if (user == null) {
            throw new ShardlineException(ErrorCode.CORRUPTED,
                    "meta command " + e.getCommandCase() + " is unknown to this node");
        }
        return user;
    }
}
