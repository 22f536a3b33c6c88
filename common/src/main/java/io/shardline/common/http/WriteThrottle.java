package io.shardline.common.http;

import io.shardline.common.time.Clock;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * InfluxDB 1.x's write throttle ({@code [http] max-concurrent-write-limit},
 * {@code max-enqueued-write-limit}, {@code enqueued-write-timeout}) around a route: at most
 * {@code concurrent} requests run at once; when {@code enqueued} &gt; 0 at most that many more
 * wait, and one beyond gets {@code 503 request throttled, queue full}; one that waits longer than
 * the timeout gets {@code 503 request throttled, exceeds timeout} (plain text, as Go's
 * {@code http.Error}). With {@code concurrent} 0 the route is not throttled. Thread-safe.
 */
public final class WriteThrottle {

    private final Semaphore current;
    private final Semaphore queue;
    private final Duration timeout;
    private final ShedLog shed;

    /**
     * @param concurrent requests run at once (0 = no throttle)
     * @param enqueued requests that may wait beyond those (0 = no bound on waiting)
     * @param timeout longest wait for a turn (zero = no limit)
     */
    public WriteThrottle(int concurrent, int enqueued, Duration timeout, String service, Clock clock) {
        this.current = concurrent > 0 ? new Semaphore(concurrent, true) : null;
        this.queue = concurrent > 0 && enqueued > 0 ? new Semaphore(concurrent + enqueued) : null;
        this.timeout = timeout;
        this.shed = new ShedLog(service, clock);
    }

    /** {@code handler} behind the throttle (itself when there is none). */
    public StreamingHttpHandler wrap(StreamingHttpHandler handler) {
        if (current == null) {
            return handler;
        }
        return (request, body) -> throttled(handler, request, body);
    }

    private HttpResult throttled(StreamingHttpHandler handler, HttpRequestView request, InputStream body)
            throws Exception {
        if (queue != null && !queue.tryAcquire()) {
            shed.shed("max-enqueued-write-limit", request.method() + " " + request.path() + " id=" + request.requestId());
            return goError(503, "request throttled, queue full");
        }
        try {
            if (!acquireTurn()) {
                shed.shed("enqueued-write-timeout", request.method() + " " + request.path() + " id=" + request.requestId());
                return goError(503, "request throttled, exceeds timeout");
            }
            try {
                return handler.handle(request, body);
            } finally {
                current.release();
            }
        } finally {
            if (queue != null) {
                queue.release();
            }
        }
    }

    private boolean acquireTurn() throws InterruptedException {
        if (current.tryAcquire()) {
            return true;
        }
        if (timeout.isZero()) {
            current.acquire();
            return true;
        }
        return current.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Go's {@code http.Error}: plain text with a newline and {@code X-Content-Type-Options: nosniff}. */
    static HttpResult goError(int status, String text) {
        return HttpResult.text(status, text + "\n").withHeader("X-Content-Type-Options", "nosniff");
    }
}
