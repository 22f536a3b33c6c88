package io.shardline.query.plan;

import java.math.BigInteger;

/** Go's {@code Time.Truncate}, which counts from 0001-01-01 rather than the Unix epoch. Stateless. */
public final class GoTime {

    /** Nanoseconds from 0001-01-01T00:00:00Z to the Unix epoch. */
    private static final BigInteger ZERO_TO_EPOCH = BigInteger.valueOf(62_135_596_800L)
            .multiply(BigInteger.valueOf(1_000_000_000L));

    private GoTime() {
    }

    /** {@code t.Truncate(d)} for {@code d > 0}: the largest multiple of d since year 1 that is ≤ t. */
    public static long truncate(long t, long d) {
        if (d <= 0) {
            return t;
        }
        long shift = ZERO_TO_EPOCH.mod(BigInteger.valueOf(d)).longValue();
        return t - Math.floorMod(Math.floorMod(t, d) + shift, d);
    }
}
