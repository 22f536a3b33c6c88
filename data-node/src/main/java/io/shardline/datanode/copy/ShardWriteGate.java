package io.shardline.datanode.copy;

import io.shardline.storage.ShardEngine;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shards this node is installing from a copy or deleting for remove-shard. While a shard is held,
 * the write path may not open it ({@link #guard}), so a write can neither create an empty shard where a
 * snapshot is about to be moved nor bring a deleted one back; the write fails as {@code UNAVAILABLE}
 * and its coordinator keeps it in hinted handoff until the shard is in place. At most one holder per
 * shard. Thread-safe.
 */
public final class ShardWriteGate {

    private final Set<Long> held = ConcurrentHashMap.newKeySet();

    /** Holds the shard; false if someone else holds it already. */
    public boolean tryHold(long shardId) {
        return held.add(shardId);
    }

    public void release(long shardId) {
        held.remove(shardId);
    }

    public boolean isHeld(long shardId) {
        return held.contains(shardId);
    }

    /** {@code engine} as the write path must see it: opening a held shard is refused. */
    public ShardEngine guard(ShardEngine engine) {
        return new GatedShardEngine(engine, this);
    }
}
