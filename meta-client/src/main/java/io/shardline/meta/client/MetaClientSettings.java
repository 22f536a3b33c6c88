package io.shardline.meta.client;

import io.shardline.common.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link MetaClient} reaches the meta nodes: the MetaService addresses it starts from, where it
 * caches the cluster view ({@code null}: not cached), how long one operation may keep retrying, how
 * long one attempt may take, the back-off between attempts, and whether it follows the watch stream.
 */
public record MetaClientSettings(List<String> servers, Path dir, Clock clock, Sleeper sleeper,
                                 Duration operationTimeout, Duration attemptTimeout, Backoff backoff,
                                 boolean watch) {

    public MetaClientSettings {
        servers = List.copyOf(servers);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Defaults: 15 s per operation, 5 s per attempt, back-off 50 ms to 1 s, watching. */
    public static MetaClientSettings of(List<String> servers, Path dir) {
        return new MetaClientSettings(servers, dir, Clock.system(), Sleeper.SYSTEM, Duration.ofSeconds(15),
                Duration.ofSeconds(5), new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)), true);
    }

    public MetaClientSettings withOperationTimeout(Duration timeout) {
        return new MetaClientSettings(servers, dir, clock, sleeper, timeout, attemptTimeout, backoff, watch);
    }

    public MetaClientSettings withWatch(boolean follow) {
        return new MetaClientSettings(servers, dir, clock, sleeper, operationTimeout, attemptTimeout, backoff, follow);
    }
}
