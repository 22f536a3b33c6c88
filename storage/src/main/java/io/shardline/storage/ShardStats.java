package io.shardline.storage;

/**
 * Figures of one shard: live series, distinct (series, timestamp) points and field values that are
 * visible, bytes on disk, and the wall-clock nanoseconds of the last change (write, delete, patch,
 * ingest; 0 if never). Immutable.
 */
public record ShardStats(long seriesCount, long pointCount, long valueCount, long sizeBytes, long lastModifiedNanos) {
}
