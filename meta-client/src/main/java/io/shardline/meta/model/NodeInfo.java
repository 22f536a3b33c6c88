package io.shardline.meta.model;

import java.util.Objects;

/**
 * A meta or data node as recorded in the cluster metadata. For a data node {@code tcpAddress} is its
 * cluster RPC address ({@code :8088}) and {@code httpAddress} its public HTTP API ({@code :8086}); for
 * a meta node they are its Raft address ({@code :8089}) and its meta API address ({@code :8091}).
 */
public record NodeInfo(long id, String tcpAddress, String httpAddress) {

    public NodeInfo {
        if (id <= 0) {
            throw new IllegalArgumentException("node id must be positive: " + id);
        }
        Objects.requireNonNull(tcpAddress, "tcpAddress");
        Objects.requireNonNull(httpAddress, "httpAddress");
    }

    /** The same node (same id) at new addresses. */
    public NodeInfo withAddresses(String newTcpAddress, String newHttpAddress) {
        return new NodeInfo(id, newTcpAddress, newHttpAddress);
    }
}
