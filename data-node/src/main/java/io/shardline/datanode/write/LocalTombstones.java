package io.shardline.datanode.write;

/**
 * Applies a tombstone to a shard stored on this node, creating the shard if this node owns it but never
 * received data (so a write replayed later is still covered), and refusing when it does not own it. Returns
 * once the tombstone is durable. Thread-safe.
 */
public interface LocalTombstones {

    void delete(TombstoneBatch batch);
}
