package io.shardline.storage;

/**
 * What a shard did with a batch: how many points it stored, how many it dropped, and the first drop
 * reason in 1.x words (null when nothing was dropped). The HTTP layer answers 400
 * {@link #partialWriteMessage()} when {@code dropped > 0}. For the {@code shard} statistics also what it
 * created: {@code seriesCreated} series new to the shard (or revived after a delete), {@code fieldsCreated} as
 * 1.x counts {@code fieldsCreate} (per stored point, its fields new to the shard), and {@code bytesWritten}, the
 * bytes the engine wrote for the batch (RocksDB: the atomic write batch, as it goes to the write-ahead log).
 * Immutable.
 */
public record WriteResult(int stored, int dropped, String firstReason, int seriesCreated, int fieldsCreated,
                          long bytesWritten) {

    public WriteResult {
        if (stored < 0 || dropped < 0 || (dropped > 0) != (firstReason != null) || seriesCreated < 0
                || fieldsCreated < 0 || bytesWritten < 0) {
            throw new IllegalArgumentException("inconsistent write result");
        }
    }

    /** A result that created nothing (nothing stored, or only existing series and fields written over). */
    public WriteResult(int stored, int dropped, String firstReason) {
        this(stored, dropped, firstReason, 0, 0, 0);
    }

    /** Whether some points were dropped. */
    public boolean partial() {
        return dropped > 0;
    }

    /** {@code partial write: <reason> dropped=<n>}, or null when nothing was dropped. */
    public String partialWriteMessage() {
        return dropped == 0 ? null : "partial write: " + firstReason + " dropped=" + dropped;
    }
}
