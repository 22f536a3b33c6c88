package io.shardline.common.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The request body bytes a server holds at once, buffered or in a handler's hands, across all
 * connections: each request reserves what arrives (and, for gzip, what it inflates to) and gives it
 * all back when it is answered. A reservation beyond the limit fails, and the server sheds that
 * request (503, {@code Retry-After}) instead of running out of memory. Thread-safe.
 */
final class BodyBudget {

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    /** @param limit most bytes held at once (0 = no limit) */
    BodyBudget(long limit) {
        this.limit = limit;
    }

    /** Takes {@code n} bytes; false (and nothing taken) when that would pass the limit. */
    boolean tryReserve(long n) {
        if (limit <= 0) {
            used.addAndGet(n);
            return true;
        }
        while (true) {
            long now = used.get();
            if (now + n > limit && now > 0) {
                return false;
            }
            if (used.compareAndSet(now, now + n)) {
                return true;
            }
        }
    }

    void release(long n) {
        used.addAndGet(-n);
    }

    long used() {
        return used.get();
    }

    long limit() {
        return limit;
    }
}
