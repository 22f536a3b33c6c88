package io.shardline.datanode.copy;

import java.util.Objects;

/**
 * One copy in progress as one side of it sees it: the two nodes (gRPC addresses), the shard, the
 * snapshot's total size and the bytes moved so far, when it started (Unix nanoseconds), which side
 * reports it and the phase it is in. This is a row of {@code copy-shard-status}. Immutable.
 */
public record CopyProgress(String source, String destination, String database, String retentionPolicy,
                           long shardId, long totalBytes, long copiedBytes, long startedAtNanos, Side side,
                           String phase) {

    /** Which end of the copy reports it. */
    public enum Side {
        DESTINATION("destination"), SOURCE("source");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Side fromLabel(String label) {
            return label.equals(SOURCE.label) ? SOURCE : DESTINATION;
        }
    }

    public CopyProgress {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(retentionPolicy, "retentionPolicy");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(phase, "phase");
    }
}
