package io.shardline.storage;

/**
 * The state of a shard known to an engine: open and serving, or failed with an operator-facing
 * reason naming the shard and its directory. Immutable.
 */
public record ShardStatus(ShardId id, boolean open, String error) {

    public static ShardStatus opened(ShardId id) {
        return new ShardStatus(id, true, null);
    }

    public static ShardStatus failed(ShardId id, String error) {
        return new ShardStatus(id, false, error);
    }
}
