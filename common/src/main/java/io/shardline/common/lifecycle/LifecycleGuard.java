package io.shardline.common.lifecycle;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Enforces NEW → RUNNING → CLOSED for one component. Thread-safe; transitions are atomic.
 *
 * <pre>
 *   NEW --start--> RUNNING --close--> CLOSED
 *    \______________close____________/
 * </pre>
 */
public final class LifecycleGuard {

    /** The states of a component. */
    public enum State { NEW, RUNNING, CLOSED }

    private final String name;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);

    public LifecycleGuard(String name) {
        this.name = name;
    }

    /** Moves NEW → RUNNING, or fails if the component was started or closed before. */
    public void markStarted() {
        if (!state.compareAndSet(State.NEW, State.RUNNING)) {
            throw new IllegalStateException(name + " is " + describe(state.get()) + "; it can be started only once");
        }
    }

    /** Moves to CLOSED; returns true only for the first call, so close work runs once. */
    public boolean markClosed() {
        return state.getAndSet(State.CLOSED) != State.CLOSED;
    }

    /** Fails with {@link ErrorCode#FAILED_PRECONDITION} unless the component is running. */
    public void checkRunning() {
        State s = state.get();
        if (s != State.RUNNING) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, name + " is " + describe(s));
        }
    }

    public boolean isRunning() {
        return state.get() == State.RUNNING;
    }

    public State state() {
        return state.get();
    }

    private static String describe(State s) {
        return switch (s) {
            case NEW -> "not started";
            case RUNNING -> "already running";
            case CLOSED -> "closed";
        };
    }
}
