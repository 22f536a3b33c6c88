package io.shardline.ctl.format;

import java.util.Objects;

/**
 * One line of {@code copy-shard-status}: the copy's two data nodes (TCP addresses), the shard, the
 * snapshot's size and the bytes copied so far, and when it started (Unix nanoseconds). Immutable.
 */
public record CopyStatusRow(String source, String destination, String database, String retentionPolicy,
                            long shardId, long totalBytes, long copiedBytes, long startedAtNanos) {

    public CopyStatusRow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(retentionPolicy, "retentionPolicy");
    }
}
