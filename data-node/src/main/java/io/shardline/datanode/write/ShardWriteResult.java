package io.shardline.datanode.write;

/**
 * What one owner stored of a {@link ShardBatch}: points written, points dropped for a point-level
 * reason (field type conflict, a {@code time} tag or field), and the first such reason. Dropped
 * points are the client's error: never retried, never queued.
 */
public record ShardWriteResult(int written, int dropped, String dropReason) {

    public static ShardWriteResult allWritten(int written) {
        return new ShardWriteResult(written, 0, null);
    }
}
