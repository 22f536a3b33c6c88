package io.shardline.common.rpc;

import java.time.Duration;

/**
 * What one {@link GrpcServer} accepts: the largest message, the calls in progress per connection
 * (HTTP/2 {@code MAX_CONCURRENT_STREAMS}; more wait in the client), and how long a connection with
 * no call in progress stays open. Zero idle time means "keep it".
 */
public record GrpcLimits(int maxMessageSize, int maxConcurrentStreams, Duration maxConnectionIdle) {

    /** 64 MiB messages, 1000 calls per connection, idle connections closed after 15 minutes. */
    public static final GrpcLimits DEFAULT = new GrpcLimits(64 << 20, 1000, Duration.ofMinutes(15));

    public GrpcLimits {
        if (maxMessageSize < 1024 || maxConcurrentStreams < 1) {
            throw new IllegalArgumentException("gRPC limits too small: " + maxMessageSize + " bytes, "
                    + maxConcurrentStreams + " streams");
        }
    }
}
