package io.shardline.datanode.handoff;

import java.util.concurrent.locks.LockSupport;

/** The one place the replay thread pauses for the rate limiter; parks for the whole duration. */
final class LockSupportSleep {

    private LockSupportSleep() {
    }

    static void parkNanos(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long left = nanos;
        while (left > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(left);
            left = deadline - System.nanoTime();
        }
    }
}
