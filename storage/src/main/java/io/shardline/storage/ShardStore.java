package io.shardline.storage;

/**
 * One shard: writes, index, reads, anti-entropy and copies. Implementations: {@code RocksShardStore}
 * (one RocksDB instance per shard directory) and {@code InMemoryShardStore} (for simulations), which
 * behave the same (one contract test runs against both). Thread-safe; after {@link #close()} every
 * call fails with {@link io.shardline.common.error.ErrorCode#FAILED_PRECONDITION}.
 */
public interface ShardStore extends ShardWriter, ShardIndex, ShardReader, ShardDigests, ShardCopy, AutoCloseable {

    /** Which shard this is. */
    ShardId id();

    /** Series, point and value counts, size and last change. */
    ShardStats stats();

    /** Wall-clock nanoseconds of the last write, delete, patch or ingest (0 if never). */
    long lastModified();

    /** Bytes the shard takes on disk (0 in memory). */
    long sizeBytes();

    /**
     * Rewrites every bucket into its compact form now, removing values hidden by tombstones, then
     * purges tombstones older than the grace period. The RocksDB store also does this in the
     * background for cold buckets.
     */
    void compact();

    /** Closes the shard; idempotent. */
    @Override
    void close();
}
