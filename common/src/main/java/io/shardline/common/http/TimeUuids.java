package io.shardline.common.http;

import io.shardline.common.time.Clock;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates version-1 (time-based) UUIDs, which InfluxDB uses as request ids. Thread-safe; the
 * 100-ns timestamp is kept strictly increasing so ids never repeat within the process.
 */
final class TimeUuids {

    /** 100-ns intervals between 1582-10-15 (the UUID epoch) and 1970-01-01. */
    private static final long UUID_EPOCH_OFFSET = 0x01b21dd213814000L;

    private final Clock clock;
    private final AtomicLong lastTimestamp = new AtomicLong();
    private final long clockSeqAndNode;

    TimeUuids(Clock clock) {
        this.clock = clock;
        SecureRandom random = new SecureRandom();
        long node = random.nextLong() & 0xffffffffffffL | 0x010000000000L; // multicast bit: not a real MAC
        long clockSeq = random.nextInt(1 << 14);
        this.clockSeqAndNode = (0x8000L | clockSeq) << 48 | node;
    }

    UUID next() {
        long now = clock.wallNanos() / 100 + UUID_EPOCH_OFFSET;
        long ts = lastTimestamp.updateAndGet(last -> Math.max(now, last + 1));
        long timeLow = ts & 0xffffffffL;
        long timeMid = (ts >>> 32) & 0xffffL;
        long timeHigh = (ts >>> 48) & 0x0fffL;
        long msb = timeLow << 32 | timeMid << 16 | 0x1000L | timeHigh;
        return new UUID(msb, clockSeqAndNode);
    }
}
