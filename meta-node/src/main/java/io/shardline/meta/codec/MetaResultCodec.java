package io.shardline.meta.codec;

import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.LeaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.meta.model.UserInfo;
import io.shardline.meta.rpc.MetadataCodec;
import io.shardline.meta.state.MetaResult;
import io.shardline.proto.meta.ChangeResponse;
import io.shardline.proto.meta.ErrorMessage;
import io.shardline.proto.meta.MetaResultMessage;
import io.shardline.proto.meta.ShardGroupList;
import java.util.List;

/**
 * Encodes what applying a command answered ({@link MetaResult}) as the Raft reply and decodes it
 * on the node that submitted the command. Stateless.
 */
public final class MetaResultCodec {

    private MetaResultCodec() {
    }

    public static MetaResultMessage encode(MetaResult result) {
        if (result instanceof MetaResult.Failure f) {
            return MetaResultMessage.newBuilder()
                    .setError(ErrorMessage.newBuilder().setCode(f.code().code()).setMessage(f.message())).build();
        }
        return MetaResultMessage.newBuilder().setValue(encodeValue(((MetaResult.Ok) result).value())).build();
    }

    public static MetaResult decode(MetaResultMessage m) {
        if (m.hasError()) {
            return new MetaResult.Failure(ErrorCode.fromCode(m.getError().getCode()), m.getError().getMessage());
        }
        return new MetaResult.Ok(decodeValue(m.getValue()));
    }

    /** The change response for a command's value (see {@code MetaCommand} for the value types). */
    public static ChangeResponse encodeValue(Object value) {
        ChangeResponse.Builder b = ChangeResponse.newBuilder();
        if (value instanceof DatabaseInfo db) {
            b.setDatabase(MetadataCodec.encode(db));
        } else if (value instanceof RetentionPolicyInfo rp) {
            b.setRetentionPolicy(MetadataCodec.encode(rp));
        } else if (value instanceof ShardGroupInfo g) {
            b.setShardGroup(MetadataCodec.encode(g));
        } else if (value instanceof NodeInfo n) {
            b.setNode(MetadataCodec.encode(n));
        } else if (value instanceof ShardInfo s) {
            b.setShard(MetadataCodec.encode(s));
        } else if (value instanceof UserInfo u) {
            b.setUser(MetadataCodec.encode(u));
        } else if (value instanceof LeaseInfo l) {
            b.setLease(MetadataCodec.encode(l));
        } else if (value instanceof List<?> list) {
            ShardGroupList.Builder groups = ShardGroupList.newBuilder();
            list.forEach(g -> groups.addGroups(MetadataCodec.encode((ShardGroupInfo) g)));
            b.setShardGroups(groups);
        } else if (value != null) {
            throw new IllegalArgumentException("no encoding for result value " + value.getClass().getName());
        }
        return b.build();
    }

    public static Object decodeValue(ChangeResponse r) {
        return switch (r.getValueCase()) {
            case DATABASE -> MetadataCodec.decode(r.getDatabase());
            case RETENTION_POLICY -> MetadataCodec.decode(r.getRetentionPolicy());
            case SHARD_GROUP -> MetadataCodec.decode(r.getShardGroup());
            case NODE -> MetadataCodec.decode(r.getNode());
            case SHARD -> MetadataCodec.decode(r.getShard());
            case USER -> MetadataCodec.decode(r.getUser());
            case LEASE -> MetadataCodec.decode(r.getLease());
            case SHARD_GROUPS -> r.getShardGroups().getGroupsList().stream().map(MetadataCodec::decode).toList();
            case VALUE_NOT_SET -> null;
        };
    }
}
