package io.shardline.datanode.entropy;

import java.util.Objects;

/**
 * One owner's figures for a shard with entropy ({@code entropy show -v}): whether it holds the shard,
 * its point count, its digest root at the report's version cut-off, its last change (Unix nanos),
 * and the patch bytes it estimated at its last comparison that it would push to its successor (-1
 * unknown). {@code error} says why the owner did not answer (empty when it did). Immutable.
 */
public record OwnerDetail(long shardId, long nodeId, String tcpAddress, boolean exists, long points, long digestRoot,
                          long lastModified, long estimatedRepairBytes, String error) {

    public OwnerDetail {
        Objects.requireNonNull(tcpAddress, "tcpAddress");
        Objects.requireNonNull(error, "error");
    }

    static OwnerDetail unreachable(long shardId, long nodeId, String tcpAddress, String error) {
        return new OwnerDetail(shardId, nodeId, tcpAddress, false, 0, 0, 0, -1, error);
    }
}
