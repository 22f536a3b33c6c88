package io.shardline.datanode.http;

import io.shardline.common.http.HttpRequestView;
import io.shardline.common.http.HttpResult;
import io.shardline.common.http.StatusFilter;
import io.shardline.common.http.StreamingHttpHandler;
import io.shardline.common.time.Clock;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the whole HTTP API (outside the headers, so it sees the final answer and request id):
 * counts every request in {@code httpd} and {@code queryExecutor} as 1.x does (requests by kind,
 * bytes received by {@code /write} and sent by {@code /query}, durations, active requests, client
 * and server errors, handler failures as {@code recoveredPanics}), writes the access log line
 * (unless disabled, {@code /write} with {@code suppress-write-log}, or filtered by status) and logs
 * server errors carrying {@code X-InfluxDB-Error}. A few uncontended adds per request. Thread-safe.
 */
public final class HttpObserver implements StreamingHttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpObserver.class);

    private final StreamingHttpHandler delegate;
    private final HttpdStats stats;
    private final Clock clock;
    private final AccessLog accessLog;
    private final List<StatusFilter> filters;
    private final boolean suppressWriteLog;
    private final ZoneId zone = ZoneId.systemDefault();
    private final AccessLogLine.LoggedUris loggedUris = new AccessLogLine.LoggedUris();

    /** @param accessLog null when {@code log-enabled = false} */
    public HttpObserver(StreamingHttpHandler delegate, HttpdStats stats, Clock clock, AccessLog accessLog,
                        List<StatusFilter> filters, boolean suppressWriteLog) {
        this.delegate = delegate;
        this.stats = stats;
        this.clock = clock;
        this.accessLog = accessLog;
        this.filters = List.copyOf(filters);
        this.suppressWriteLog = suppressWriteLog;
    }

    @Override
    public boolean runsInline(HttpRequestView head) {
        return delegate.runsInline(head);
    }

    @Override
    public HttpResult handle(HttpRequestView request, InputStream body) throws Exception {
        long startMillis = clock.wallMillis();
        long start = clock.monotonicNanos();
        String path = request.path();
        boolean write = "/write".equals(path);
        boolean query = "/query".equals(path);
        stats.req.increment();
        stats.reqActive.increment();
        if (write) {
            stats.writeReq.increment();
            stats.writeReqActive.increment();
        } else if (query) {
            stats.queryReq.increment();
            stats.queriesActive.increment();
        } else if ("/ping".equals(path)) {
            stats.pingReq.increment();
        } else if ("/status".equals(path)) {
            stats.statusReq.increment();
        }
        HttpResult result = null;
        try {
            result = delegate.handle(request, write ? new CountingStream(body, stats.writeReqBytes) : body);
            return result;
        } catch (Exception | Error e) {
            stats.recoveredPanics.increment();
            throw e;
        } finally {
            long nanos = clock.monotonicNanos() - start;
            int status = result == null ? 500 : result.status();
            finish(request, result, status, nanos, write, query);
            log(request, result, status, startMillis, nanos, write);
        }
    }

    private void finish(HttpRequestView request, HttpResult result, int status, long nanos, boolean write, boolean query) {
        stats.reqActive.decrement();
        stats.reqDurationNs.add(nanos);
        if (write) {
            stats.writeReqActive.decrement();
            stats.writeReqDurationNs.add(nanos);
        } else if (query) {
            stats.queriesActive.decrement();
            stats.queryReqDurationNs.add(nanos);
            if (result != null) {
                stats.queryRespBytes.add(result.body().length);
            }
            if (status != 400) { // 400: no q, or a parse error; no statement ran
                stats.queriesExecuted.increment();
                stats.queriesFinished.increment();
                stats.queryDurationNs.add(nanos);
            }
        }
        if (status / 100 == 4) {
            stats.clientError.increment();
        } else if (status / 100 == 5) {
            stats.serverError.increment();
        }
    }

    private void log(HttpRequestView request, HttpResult result, int status, long startMillis, long nanos,
                     boolean write) {
        if (accessLog != null && !(write && suppressWriteLog) && StatusFilter.anyMatches(filters, status)) {
            accessLog.write(AccessLogLine.format(request, loggedUris.of(request), status,
                    result == null ? 0 : result.body().length,
                    request.requestId(), startMillis, nanos / 1_000, zone));
        }
        if (accessLog != null && status / 100 == 5 && result != null) {
            String error = result.headers().get("X-InfluxDB-Error");
            if (error != null && !error.isEmpty()) {
                LOG.error("[{}] - \"{}\"", status, error);
            }
        }
    }

    /** Counts the body bytes a handler reads. */
    private static final class CountingStream extends FilterInputStream {
        private final LongAdder counter;

        CountingStream(InputStream in, LongAdder counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.increment();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counter.add(n);
            }
            return n;
        }
    }
}
