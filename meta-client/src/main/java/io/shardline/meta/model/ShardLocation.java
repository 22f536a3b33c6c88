package io.shardline.meta.model;

import java.util.Objects;

/** Where a shard lives: its database, retention policy and shard group, plus the shard itself. */
public record ShardLocation(String database, String retentionPolicy, ShardGroupInfo group, ShardInfo shard) {

    public ShardLocation {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(retentionPolicy, "retentionPolicy");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(shard, "shard");
    }

    public long shardId() {
        return shard.id();
    }
}
