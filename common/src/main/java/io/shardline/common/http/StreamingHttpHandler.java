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
}
