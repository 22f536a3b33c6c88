package io.shardline.meta.model;

import java.util.Objects;

/**
 * A lease held by a data node (Enterprise's meta {@code /lease}, e.g. {@code continuous_querier}): who holds
 * it and until when (Unix nanoseconds, the meta node's clock). Another node may take it only after it expires.
 */
public record LeaseInfo(String name, long nodeId, long expiresAt) {

    public LeaseInfo {
        Objects.requireNonNull(name, "name");
    }

    /** Whether {@code node} holds the lease at {@code now}. */
    public boolean heldBy(long node, long now) {
        return nodeId == node && now < expiresAt;
    }
}
