package io.shardline.datanode.entropy;

import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import java.util.function.LongSupplier;

/**
 * The {@code ae} measurement of {@code /debug/vars}. Enterprise's {@code jobs} (repairs and copies
 * started), {@code jobsActive}, {@code errors} and {@code bytesRx}, plus Shardline's: {@code bytesTx}
 * (every anti-entropy byte this node sent: digests it served, ranges it asked for, patches it pushed),
 * {@code patchBytesTx} (the patches alone), {@code bytesDiff} (raw bytes of the values those patches
 * carried: 8 per number, 1 per boolean, the UTF-8 length of strings), {@code checks} (shard
 * comparisons), {@code digests} (comparisons that needed a digest), {@code skips} (comparisons skipped
 * because the shard had a job running), {@code passSkips} (passes skipped because the previous one
 * still ran), {@code repairs} (repair steps done), {@code copies} (missing shards restored) and the
 * gauges {@code diffShards}, {@code missingShards}, {@code queued}. Thread-safe.
 */
public final class EntropyStats {

    private final Statistic ae;

    public EntropyStats(StatsRegistry registry) {
        this.ae = registry.statistic("ae");
        for (String counter : new String[] {"jobs", "errors", "bytesRx", "bytesTx", "patchBytesTx", "bytesDiff", "checks",
                "digests", "skips", "passSkips", "repairs", "copies"}) {
            ae.counter(counter);
        }
    }

    void gauges(LongSupplier active, LongSupplier diff, LongSupplier missing, LongSupplier queued) {
        ae.gauge("jobsActive", active).gauge("diffShards", diff).gauge("missingShards", missing).gauge("queued", queued);
    }

    void add(String counter, long n) {
        ae.add(counter, n);
    }

    /** The current value of a counter or gauge (tests, benchmarks). */
    public long value(String name) {
        Long v = ae.values().get(name);
        return v == null ? 0 : v;
    }
}
