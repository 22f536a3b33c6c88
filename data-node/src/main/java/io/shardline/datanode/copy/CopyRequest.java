package io.shardline.datanode.copy;

import java.util.Objects;

/**
 * A request to copy shard {@code shardId} from the data node whose gRPC address is {@code source} onto
 * this node. {@code database} and {@code retentionPolicy} may be empty (the cluster view supplies
 * them); {@code rateLimitBytesPerSecond} caps what the source sends (0 = unlimited). Immutable.
 */
public record CopyRequest(String source, long shardId, String database, String retentionPolicy,
                          long rateLimitBytesPerSecond) {

    public CopyRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(retentionPolicy, "retentionPolicy");
        if (rateLimitBytesPerSecond < 0) {
            throw new IllegalArgumentException("rate limit must not be negative");
        }
    }

    /** A copy with the shard's place taken from the cluster view and no rate limit. */
    public static CopyRequest of(String source, long shardId) {
        return new CopyRequest(source, shardId, "", "", 0);
    }
}
