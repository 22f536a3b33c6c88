package io.shardline.ctl.backup;

import java.time.Duration;
import java.util.Locale;

/**
 * When and what to report while one shard streams: at most one line per {@code every}, with the
 * bytes received so far of the shard's total and the rate since the previous line (or the start).
 * A shard smaller than {@code minTotal} never gets a line, so small shards keep Enterprise's single
 * output line. Pure (the caller passes the time in nanoseconds); not thread-safe.
 */
final class TransferProgress {

    private final long total;
    private final boolean large;
    private final long everyNanos;
    private long bytes;
    private long lastNanos;
    private long lastBytes;
    private int lines;

    TransferProgress(long total, long minTotal, Duration every, long startNanos) {
        this.total = total;
        this.large = total >= minTotal;
        this.everyNanos = every.toNanos();
        this.lastNanos = startNanos;
    }

    /** Records {@code n} more bytes received at {@code nowNanos}; returns the line due now, or null. */
    String transferred(long n, long nowNanos) {
        bytes += n;
        long elapsed = nowNanos - lastNanos;
        if (!large || elapsed < everyNanos || bytes >= total) {
            return null; // the shard's closing line reports the end
        }
        double rate = (bytes - lastBytes) * 1e9 / elapsed;
        lastNanos = nowNanos;
        lastBytes = bytes;
        lines++;
        return String.format(Locale.ROOT, "%d of %d bytes (%d%%), %s", bytes, total, bytes * 100 / total, rate(rate));
    }

    /** A rate in decimal units, B/s to GB/s, so a slow (rate-limited) stream does not read 0.0 MB/s. */
    static String rate(double bytesPerSecond) {
        if (bytesPerSecond < 1e3) {
            return String.format(Locale.ROOT, "%.0f B/s", bytesPerSecond);
        }
        if (bytesPerSecond < 1e6) {
            return String.format(Locale.ROOT, "%.1f kB/s", bytesPerSecond / 1e3);
        }
        if (bytesPerSecond < 1e9) {
            return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB/s", bytesPerSecond / 1e9);
    }

    /** Bytes received so far. */
    long bytes() {
        return bytes;
    }

    /** Lines reported so far. */
    int lines() {
        return lines;
    }
}
