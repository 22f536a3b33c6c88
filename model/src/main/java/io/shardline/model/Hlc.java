package io.shardline.model;

import io.shardline.common.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hybrid logical clock that stamps every accepted write with a {@code long} version:
 * physical milliseconds (from {@link Clock#wallMillis()}) in the high 48 bits and a 16-bit logical
 * counter in the low bits. Thread-safe and lock-free; versions from one instance are strictly
 * increasing, even when the wall clock steps back or the counter overflows (it then borrows the next
 * millisecond), and greater than every version passed to {@link #observe(long)}.
 *
 * <pre>
 *  63                                16 15            0
 * +------------------------------------+---------------+
 * |   physical wall-clock milliseconds | logical count |
 * +------------------------------------+---------------+
 * </pre>
 */
public final class Hlc {

    /** Width of the logical counter. */
    public static final int LOGICAL_BITS = 16;
    /** Mask of the logical counter. */
    public static final long LOGICAL_MASK = (1L << LOGICAL_BITS) - 1;

    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    /** A clock reading physical time from {@code clock}. */
    public Hlc(Clock clock) {
        this.clock = clock;
    }

    /** A new version, greater than every version issued or observed before. */
    public long next() {
        long physical = minVersionAt(Math.max(0L, clock.wallMillis()));
        while (true) {
            long prev = last.get();
            long candidate = Math.max(physical, prev + 1);
            if (last.compareAndSet(prev, candidate)) {
                return candidate;
            }
        }
    }

    /** Merges a version seen from another node, so that later {@link #next()} results are greater. */
    public void observe(long remoteVersion) {
        last.accumulateAndGet(remoteVersion, Math::max);
    }

    /** The greatest version issued or observed so far (0 before any). */
    public long current() {
        return last.get();
    }

    /** The physical milliseconds of a version. */
    public static long physicalMillis(long version) {
        return version >>> LOGICAL_BITS;
    }

    /** The logical counter of a version. */
    public static int logical(long version) {
        return (int) (version & LOGICAL_MASK);
    }

    /**
     * The smallest version at wall-clock millisecond {@code millis}; every version stamped at or after
     * that millisecond is {@code >=} it. Used for "older than the settle window" cut-offs.
     */
    public static long minVersionAt(long millis) {
        return millis << LOGICAL_BITS;
    }

    /** The version with the given parts; {@code logical} must fit in 16 bits. */
    public static long version(long millis, int logical) {
        if ((logical & ~LOGICAL_MASK) != 0) {
            throw new IllegalArgumentException("logical part out of range: " + logical);
        }
        return minVersionAt(millis) | logical;
    }
}
