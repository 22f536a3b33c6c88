package io.shardline.common.lifecycle;

/**
 * A long-lived component with an explicit lifecycle: {@link #start()} once, {@link #close()} once.
 * Starting twice or starting after close fails with an {@link IllegalStateException}; closing is
 * idempotent. Implementations use a {@link LifecycleGuard} to enforce this.
 */
public interface Service extends AutoCloseable {

    /** A short name for logs and errors, such as {@code "http"} or {@code "hinted-handoff"}. */
    String name();

    /** Acquires resources and starts background work; fails clearly if it cannot. */
    void start();

    /** Releases everything the service holds. Never throws checked exceptions. */
    @Override
    void close();
}
