package io.shardline.query.plan;

import io.shardline.query.QueryException;
import io.shardline.query.eval.TimeRange;
import io.shardline.query.value.TimeBounds;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * A GROUP BY time interval: buckets of {@code duration} aligned to the Unix epoch plus {@code offset}
 * ({@code 0 <= offset < duration}), so {@code time(1w)} buckets start on Thursdays; with a {@code tz()} zone
 * aligned to the zone's local time, with 1.x's corrections where the zone's offset changes inside a bucket
 * ({@code IteratorOptions.Window} and the fill iterator's stepping). Immutable.
 *
 * @param zone the zone of {@code tz()}, or null for UTC
 */
public record Interval(long duration, long offset, ZoneId zone) {

    public Interval {
        if (duration <= 0) {
            throw new IllegalArgumentException("interval must be positive");
        }
        offset = Math.floorMod(offset, duration);
    }

    /** An interval in UTC. */
    public Interval(long duration, long offset) {
        this(duration, offset, null);
    }

    /** The start of the bucket containing {@code t}: {@code t - floorMod(t - offset, duration)} in UTC. */
    public long bucketStart(long t) {
        if (zone != null) {
            return window(t)[0];
        }
        long start = t - Math.floorMod(t - offset, duration);
        return start > t ? TimeBounds.MIN_TIME : start;
    }

    /** The first time after the bucket that starts at {@code bucket}. */
    public long bucketEnd(long bucket) {
        if (zone != null) {
            return window(bucket)[1];
        }
        return bucket > Long.MAX_VALUE - duration ? Long.MAX_VALUE : bucket + duration;
    }

    /**
     * The rows of a filled series, as 1.x's fill iterator emits them: from bucket {@code lo} a window steps one
     * duration at a time (with {@code tz()} corrected by a change of the zone's offset smaller than the
     * duration); each step emits the next bucket with data if it is not after the window, else the window itself
     * (a filled row), until the data ends and the window passed {@code hi}. In UTC these are exactly the buckets
     * from {@code lo} to {@code hi}; around offset changes a zone's rows can be uneven (1.x's answers kept).
     *
     * @param dataBuckets the buckets that have data, ascending
     */
    public long[] fillTimes(long lo, long hi, long[] dataBuckets) {
        long approx = hi < lo ? 0 : (hi - lo) / duration + 1;
        long cap = Math.min(approx + (zone == null ? 0 : dataBuckets.length + 2), Integer.MAX_VALUE - 8);
        long[] times = new long[(int) cap];
        if (zone == null) {
            for (int i = 0; i < times.length; i++) {
                times[i] = lo + i * duration;
            }
            return times;
        }
        int n = 0;
        int next = 0;
        long window = lo;
        long zoneOffset = zoneOffset(lo);
        while (n < times.length) {
            if (next < dataBuckets.length && dataBuckets[next] <= window) {
                times[n++] = dataBuckets[next++];
            } else if (next < dataBuckets.length || window <= hi) {
                times[n++] = window;
            } else {
                break;
            }
            if (window > Long.MAX_VALUE - duration) {
                break;
            }
            window += duration;
            long o = zoneOffset(window - 1);
            if (o != zoneOffset) {
                long diff = zoneOffset - o;
                if (Math.abs(diff) < duration) {
                    window += diff;
                }
                zoneOffset = o;
            }
        }
        return n == times.length ? times : Arrays.copyOf(times, n);
    }

    /** 1.x's {@code IteratorOptions.Window(t)} with a location: {start, end} of the bucket containing t. */
    private long[] window(long t) {
        t -= offset;
        long zoneOffset = zoneOffset(t);
        long dt = (t + zoneOffset) % duration;
        if (dt < 0) {
            dt += duration;
        }
        long start = TimeBounds.MIN_TIME + dt >= t ? TimeBounds.MIN_TIME : t - dt;
        long startOffset = zoneOffset(start);
        long o = zoneOffset - startOffset;
        if (o != 0 && Math.abs(o) < duration) {
            start += o;
        }
        start += offset;
        long rest = duration - dt;
        long end = TimeBounds.MAX_TIME - rest <= t ? TimeBounds.MAX_TIME : t + rest;
        long endOffset = zoneOffset(end);
        o = zoneOffset - endOffset;
        if (o != 0 && Math.abs(o) < duration) {
            // clocks going back add time to the bucket; going forward, the skipped time belongs to the next
            // bucket only when the switch falls inside this one
            if (o > 0 || zoneOffset(end + o) == endOffset) {
                end += o;
            }
        }
        return new long[] {start, end + offset};
    }

    /** The zone's offset from UTC at {@code t}, in ns (Go's {@code time.Unix(0, t).In(loc).Zone()}). */
    private long zoneOffset(long t) {
        Instant i = Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L), Math.floorMod(t, 1_000_000_000L));
        return zone.getRules().getOffset(i).getTotalSeconds() * 1_000_000_000L;
    }

    /** The number of buckets from the one containing {@code min} to the one containing {@code max}. */
    public long bucketCount(long min, long max) {
        if (max < min) {
            return 0;
        }
        long first = bucketStart(min);
        long last = bucketStart(max);
        // last - first fits in an unsigned long even when it overflows a signed one.
        return Long.divideUnsigned(last - first, duration) + 1;
    }

    /** The bucket count of a time range, with unset bounds taken as MinTime/MaxTime (as 1.x does). */
    public long bucketCount(TimeRange range) {
        return bucketCount(range.minTime(), range.maxTime());
    }

    /**
     * The {@code max-select-buckets} check: {@code max-select-buckets limit exceeded: (<n>/<max>)} when the range
     * has more than {@code max} buckets; {@code max <= 0} disables it.
     */
    public void checkMaxSelectBuckets(TimeRange range, long max) {
        if (max <= 0) {
            return;
        }
        long n = bucketCount(range);
        if (n > max) {
            throw new QueryException("max-select-buckets limit exceeded: (" + n + "/" + max + ")");
        }
    }
}
