package io.shardline.ctl.format;

import java.util.Objects;

/**
 * One owner in {@code show-shards -v}: the node, its TCP address, its replica's state ({@code hot},
 * {@code cold}, {@code missing}, or empty when unknown), last modification (Unix nanoseconds, 0 for
 * none), size in bytes and the error reading it (empty for none). Immutable.
 */
public record OwnerDetail(long id, String tcpAddress, String state, long lastModifiedNanos, long sizeBytes,
                          String error) {

    public OwnerDetail {
        Objects.requireNonNull(tcpAddress, "tcpAddress");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
    }
}
