package io.shardline.storage;

/**
 * What a shard did with a batch: how many points it stored, how many it dropped, and the first drop
 * reason in 1.x words (null when nothing was dropped). The HTTP layer answers 400
 * {@link #partialWriteMessage()} when {@code dropped > 0}. Immutable.
 */
public record WriteResult(int stored, int dropped, String firstReason) {

    public WriteResult {
        if (stored < 0 || dropped < 0 || (dropped > 0) != (firstReason != null)) {
            throw new IllegalArgumentException("inconsistent write result");
        }
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
