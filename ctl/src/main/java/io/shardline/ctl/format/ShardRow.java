package io.shardline.ctl.format;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One line of {@code show-shards}: the shard, where it lives, its group's time range (Unix
 * nanoseconds; {@code end} is the truncation time when {@code truncated}), when it expires (empty for
 * an infinite policy) and the already formatted {@code Owners} cell. Immutable.
 */
public record ShardRow(long id, String database, String retentionPolicy, int desiredReplicas, long shardGroupId,
                       long start, long end, boolean truncated, OptionalLong expires, String owners) {

    public ShardRow {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(retentionPolicy, "retentionPolicy");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(owners, "owners");
    }
}
