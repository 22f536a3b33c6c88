package io.shardline.common.http;

import java.io.InputStream;

/**
 * Handles a request whose body is read as a stream while it arrives (for large bodies such as
 * {@code /write}). Called on a worker thread; reading the stream blocks until data arrives.
 * Reading past the server's body limit throws {@link BodyTooLargeException}.
 */
@FunctionalInterface
public interface StreamingHttpHandler {

    HttpResult handle(HttpRequestView head, InputStream body) throws Exception;

    /**
     * Whether {@code head} (a request without a body) is answered at once on the connection's event
     * loop instead of a worker thread: only for handlers that never block, so that they answer
     * even while every worker is busy ({@code /ping}).
     */
    default boolean runsInline(HttpRequestView head) {
        return false;
    }
}
