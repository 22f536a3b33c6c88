package io.shardline.meta.client;

import java.time.Duration;

/** Waits between retries; the one place the meta client pauses a thread. Tests inject their own. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps with the operating system's timer. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

    void sleep(Duration duration) throws InterruptedException;
}
