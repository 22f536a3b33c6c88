package io.shardline.datanode.write;

import io.shardline.storage.Tombstone;
import java.util.Objects;

/**
 * The unit of delete replication: one versioned tombstone ({@code DROP MEASUREMENT}, {@code DROP SERIES},
 * {@code DELETE}) for one shard. Sent to every owner like a {@link ShardBatch} (same {@code WriteShard} call,
 * same hinted-handoff queue, so it stays ordered with the writes around it) and applied with the version the
 * coordinator stamped. Immutable.
 */
public record TombstoneBatch(long shardId, Tombstone tombstone) {

    public TombstoneBatch {
        Objects.requireNonNull(tombstone, "tombstone");
    }

    /** The version of the delete. */
    public long version() {
        return tombstone.version();
    }
}
