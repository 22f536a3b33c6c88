package io.shardline.storage;

/**
 * A consistent point-in-time copy of one shard (for the RocksDB store, a checkpoint of hard links)
 * that stays readable until closed; closing deletes it. Thread-safe for concurrent reads.
 */
public interface ShardSnapshot extends SnapshotSource, AutoCloseable {

    /** The shard it copies. */
    ShardId shard();

    /** Deletes the snapshot; idempotent. */
    @Override
    void close();
}
