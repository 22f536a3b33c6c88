package io.shardline.common.http;

import java.time.Duration;

/**
 * What the {@link HttpServer} allows one client and all of them together, so that no request mix
 * can take the process down: body size (raw and, for gzip, decompressed), open connections,
 * requests in progress and queued, request bytes held in memory, and the timeouts that stop idle
 * and slow clients from holding connections. Zero means "no limit" for sizes, counts and timeouts.
 *
 * @param maxBodySize largest request body in bytes, before and after gzip decompression
 * @param maxConnections most open connections; more are closed as soon as accepted (1.x)
 * @param workerThreads requests handled at once
 * @param maxQueuedRequests requests waiting for a worker; more get 503 with {@code Retry-After}
 * @param maxInflightBodyBytes request body bytes (buffered or being processed) held at once;
 *     a request that would go beyond it gets 503 with {@code Retry-After}
 * @param readHeaderTimeout from a request's first byte to the end of its head; then 408
 * @param readTimeout from a request's first byte to the end of its body; then 408
 * @param idleTimeout a keep-alive connection without a request, or a response the client does
 *     not take, for this long is closed
 */
public record HttpLimits(long maxBodySize, int maxConnections, int workerThreads, int maxQueuedRequests,
                         long maxInflightBodyBytes, Duration readHeaderTimeout, Duration readTimeout,
                         Duration idleTimeout) {

    public HttpLimits {
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1");
        }
        maxBodySize = Math.max(0, maxBodySize);
        maxConnections = Math.max(0, maxConnections);
        maxQueuedRequests = Math.max(0, maxQueuedRequests);
        maxInflightBodyBytes = Math.max(0, maxInflightBodyBytes);
    }

    /**
     * The limits of a small internal server: the given body size and workers, a queue of 256,
     * {@link #defaultInflightBodyBytes()}, 10 s for a head, 5 min for a whole request, 3 min idle.
     */
    public static HttpLimits of(long maxBodySize, int workerThreads) {
        return new HttpLimits(maxBodySize, 0, workerThreads, 256, defaultInflightBodyBytes(), Duration.ofSeconds(10),
                Duration.ofMinutes(5), Duration.ofMinutes(3));
    }

    /** An eighth of the largest heap, so request bodies and what they parse into stay well within it. */
    public static long defaultInflightBodyBytes() {
        return Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 8);
    }

    public HttpLimits withConnections(int connections) {
        return new HttpLimits(maxBodySize, connections, workerThreads, maxQueuedRequests, maxInflightBodyBytes,
                readHeaderTimeout, readTimeout, idleTimeout);
    }

    public HttpLimits withQueue(int queued, long inflightBodyBytes) {
        return new HttpLimits(maxBodySize, maxConnections, workerThreads, queued, inflightBodyBytes,
                readHeaderTimeout, readTimeout, idleTimeout);
    }

    public HttpLimits withTimeouts(Duration header, Duration read, Duration idle) {
        return new HttpLimits(maxBodySize, maxConnections, workerThreads, maxQueuedRequests, maxInflightBodyBytes,
                header, read, idle);
    }
}
