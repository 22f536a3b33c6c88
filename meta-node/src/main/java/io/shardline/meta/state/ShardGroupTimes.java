package io.shardline.meta.state;

import java.math.BigInteger;

/**
 * Shard-group time rules of InfluxDB 1.x: the default group duration for a retention policy
 * duration, the 1h minimum, and group boundaries aligned like Go's {@code Time.Truncate}, which
 * counts from Go's zero time (0001-01-01, a Monday) so that 7-day groups start on Mondays. Stateless.
 */
public final class ShardGroupTimes {

    public static final long HOUR = 3_600_000_000_000L;
    public static final long DAY = 24 * HOUR;
    public static final long WEEK = 7 * DAY;
    /** The shortest finite retention policy duration and the shortest shard-group duration. */
    public static final long MIN_RETENTION_POLICY_DURATION = HOUR;
    /** The earliest representable point time (InfluxDB's {@code MinNanoTime}). */
    public static final long MIN_NANO_TIME = Long.MIN_VALUE + 2;
    /** The latest representable point time (InfluxDB's {@code MaxNanoTime}). */
    public static final long MAX_NANO_TIME = Long.MAX_VALUE - 1;

    /** Nanoseconds from Go's zero time (0001-01-01T00:00:00Z) to the Unix epoch. */
    private static final BigInteger ZERO_TIME_TO_EPOCH = BigInteger.valueOf(62_135_596_800L)
            .multiply(BigInteger.valueOf(1_000_000_000L));

    private ShardGroupTimes() {
    }

    /** The group duration for a policy duration: INF or at least 180d gives 7d, 2d..180d 1d, else 1h. */
    public static long defaultShardGroupDuration(long retentionDuration) {
        if (retentionDuration == 0 || retentionDuration >= 180 * DAY) {
            return WEEK;
        }
        if (retentionDuration >= 2 * DAY) {
            return DAY;
        }
        return HOUR;
    }

    /**
     * The group duration a policy gets: {@code 0} (not given) is derived from the policy duration and a
     * given value below 1h is raised to 1h, like InfluxDB's {@code normalisedShardDuration}.
     */
    public static long normalisedShardGroupDuration(long shardGroupDuration, long retentionDuration) {
        if (shardGroupDuration == 0) {
            return defaultShardGroupDuration(retentionDuration);
        }
        return Math.max(shardGroupDuration, MIN_RETENTION_POLICY_DURATION);
    }

    /**
     * Go's {@code time.Unix(0, t).Truncate(d)} as Unix nanoseconds: the largest multiple of {@code d}
     * since Go's zero time that is at or before {@code t}, clamped to {@link #MIN_NANO_TIME}. Returns
     * {@code t} for {@code d <= 0}, as Go does.
     */
    public static long truncate(long t, long d) {
        if (d <= 0) {
            return t;
        }
        long offset = ZERO_TIME_TO_EPOCH.mod(BigInteger.valueOf(d)).longValue();
        // (t + offset) mod d without overflow: both terms are in [0, d), so the sum fits unsigned.
        long remainder = Math.floorMod(t, d) + offset;
        if (Long.compareUnsigned(remainder, d) >= 0) {
            remainder -= d;
        }
        if (t < MIN_NANO_TIME + remainder) {
            return MIN_NANO_TIME;
        }
        return t - remainder;
    }

    /** {@code start + d}, capped at {@code MaxNanoTime + 1} ({@link Long#MAX_VALUE}). */
    public static long groupEnd(long start, long d) {
        return saturatedAdd(start, d);
    }

    /** {@code a + b}, saturating at the bounds of {@code long} instead of overflowing. */
    public static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }
}
