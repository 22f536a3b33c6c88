package io.shardline.meta.state;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.meta.model.ShardLocation;
import java.util.Optional;

/**
 * Adds and removes one owner of one shard, the metadata side of {@code copy-shard} and
 * {@code remove-shard}. Both are idempotent. Stateless and pure.
 */
final class ShardOwnerCommands {

    private ShardOwnerCommands() {
    }

    /** Appends a data node to the shard's owners (it becomes the last in placement order). */
    static Outcome addOwner(ClusterMetadata meta, MetaCommand.AddShardOwner command) {
        Optional<ShardLocation> location = meta.shard(command.shardId());
        if (location.isEmpty()) {
            return MetaErrors.shardNotFound(command.shardId());
        }
        if (meta.dataNode(command.nodeId()).isEmpty()) {
            return MetaErrors.nodeNotFound(command.nodeId());
        }
        return replace(meta, location.get(), location.get().shard().withOwner(command.nodeId()));
    }

    /** Drops a node from the shard's owners; a shard may end up without owners. */
    static Outcome removeOwner(ClusterMetadata meta, MetaCommand.RemoveShardOwner command) {
        Optional<ShardLocation> location = meta.shard(command.shardId());
        if (location.isEmpty()) {
            return MetaErrors.shardNotFound(command.shardId());
        }
        return replace(meta, location.get(), location.get().shard().withoutOwner(command.nodeId()));
    }

    private static Outcome replace(ClusterMetadata meta, ShardLocation location, ShardInfo shard) {
        if (shard.equals(location.shard())) {
            return Outcome.ok(meta, shard);
        }
        RetentionPolicyInfo policy =
                meta.retentionPolicy(location.database(), location.retentionPolicy()).orElseThrow();
        RetentionPolicyInfo next = policy.withShardGroup(location.group().withShard(shard));
        return Outcome.ok(meta.withRetentionPolicy(location.database(), next), shard);
    }
}
