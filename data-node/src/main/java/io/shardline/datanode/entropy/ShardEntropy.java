package io.shardline.datanode.entropy;

import java.util.Objects;

/**
 * One line of the entropy status: a shard, where it lives, its group's start and end and its
 * expiry (Unix nanoseconds; {@code expires} 0 for an infinite policy), and its status: {@code diff}
 * (its replicas differ) or {@code missing} (an owner lost it and no other owner can give it back).
 * Immutable.
 */
public record ShardEntropy(long id, String database, String retentionPolicy, long startTime, long endTime,
                           long expires, String status) {

    public static final String DIFF = "diff";
    public static final String MISSING = "missing";

    public ShardEntropy {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(retentionPolicy, "retentionPolicy");
        Objects.requireNonNull(status, "status");
    }
}
