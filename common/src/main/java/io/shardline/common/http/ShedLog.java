package io.shardline.common.http;

import io.shardline.common.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WARN lines that name what a server shed (connections over the limit, requests refused for
 * overload, slow clients cut off): at most one line per reason every ten seconds, carrying how many
 * were shed since the last line, so an attack cannot flood the log. Thread-safe.
 */
final class ShedLog {

    private static final Logger LOG = LoggerFactory.getLogger(ShedLog.class);
    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final String service;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    ShedLog(String service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** Counts one shed item for {@code reason} (e.g. {@code max-connection-limit}) and logs when due. */
    void shed(String reason, String what) {
        Window w = windows.computeIfAbsent(reason, r -> new Window());
        w.count.incrementAndGet();
        long now = clock.monotonicNanos();
        long last = w.lastLog.get();
        if ((last == 0 || now - last >= INTERVAL_NANOS) && w.lastLog.compareAndSet(last, now == 0 ? 1 : now)) {
            long n = w.count.getAndSet(0);
            LOG.warn("Shed load service={} reason={} shed={} last=\"{}\"", service, reason, n, what);
        }
    }

    private static final class Window {
        final AtomicLong count = new AtomicLong();
        final AtomicLong lastLog = new AtomicLong();
    }
}
