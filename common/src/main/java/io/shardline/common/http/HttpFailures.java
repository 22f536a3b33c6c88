package io.shardline.common.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's catch-all: whatever a handler throws (an exception or an error such as a stack
 * overflow) becomes a 500 with InfluxDB's JSON error shape and one log line naming the request id,
 * so no failure leaves a connection without an answer or kills a worker thread. Stateless.
 */
final class HttpFailures {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFailures.class);

    private HttpFailures() {
    }

    /** The answer to a request whose handler threw {@code failure}, logged on one line. */
    static HttpResult internalError(String service, HttpRequestView request, Throwable failure) {
        String message = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage();
        StackTraceElement[] trace = failure.getStackTrace();
        LOG.warn("HTTP handler failed service={} id={} method={} path={} error=\"{}: {}\" at={}", service,
                request.requestId(), request.method(), request.path(), failure.getClass().getName(),
                oneLine(message), trace.length == 0 ? "?" : trace[0]);
        LOG.debug("HTTP handler failure id={}", request.requestId(), failure);
        return HttpResult.error(500, message);
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ').replace('"', '\'');
    }
}
