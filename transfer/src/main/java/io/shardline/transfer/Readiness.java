package io.shardline.transfer;

import io.grpc.stub.CallStreamObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;

/**
 * gRPC outbound flow control for a sending thread: {@link #await} blocks until the stream can take
 * another message ({@code isReady}) or the call is cancelled. Install {@link #signal} as the stream's
 * on-ready handler (server: in the service method; client: in {@code beforeStart}) and call
 * {@link #cancel} when the call is cancelled. Thread-safe.
 */
public final class Readiness {

    private final CallStreamObserver<?> out;
    private volatile boolean cancelled;

    public Readiness(CallStreamObserver<?> out) {
        this.out = out;
    }

    /** The stream became ready (gRPC's on-ready handler). */
    public synchronized void signal() {
        notifyAll();
    }

    /** The call was cancelled: every wait ends with {@code CANCELLED}. */
    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    public boolean cancelled() {
        return cancelled;
    }

    public void checkCancelled() {
        if (cancelled) {
            throw new ShardlineException(ErrorCode.CANCELLED, "the receiver cancelled the transfer");
        }
    }

    /** Waits until the stream can take more (the 1 s wake-up guards against a missed signal). */
    public synchronized void await() {
        while (!cancelled && !out.isReady()) {
            try {
                wait(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShardlineException(ErrorCode.CANCELLED, "interrupted");
            }
        }
        checkCancelled();
    }
}
