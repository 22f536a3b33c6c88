package io.shardline.launcher.transfer;

import java.util.Locale;

/** Formatting of counts, sizes, durations and rates for progress and summary lines. Stateless. */
final class Rates {

    private Rates() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", n / (1024.0 * 1024 * 1024));
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }

    /** {@code n} per second over {@code nanos}, rounded; {@code n} when no time passed. */
    static long perSecond(long n, long nanos) {
        return nanos <= 0 ? n : Math.round(n / (nanos / 1e9));
    }
}
