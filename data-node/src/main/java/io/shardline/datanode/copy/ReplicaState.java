package io.shardline.datanode.copy;

import java.util.Objects;

/**
 * This node's replica of one shard as {@code show-shards -v} prints it: {@code hot} (written within
 * the hot window), {@code cold}, or {@code missing} (the node owns the shard but has no data for it;
 * {@code error} says so); a shard that failed to open has an empty state and its error. Last
 * modified is Unix nanoseconds (0 if never), size in bytes. Immutable.
 */
public record ReplicaState(long shardId, String state, long lastModifiedNanos, long sizeBytes, String error) {

    public static final String HOT = "hot";
    public static final String COLD = "cold";
    public static final String MISSING = "missing";

    public ReplicaState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
    }
}
