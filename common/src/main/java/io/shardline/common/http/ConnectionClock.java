package io.shardline.common.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.timeout.WriteTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The timeouts of one connection, as a state machine driven by its {@link HttpConnection}:
 *
 * <pre>
 *   IDLE --first byte--> HEAD --head parsed--> BODY --body complete--> (handling) --answered--> IDLE
 *   IDLE:  idle-timeout         -> close
 *   HEAD:  read-header-timeout  -> 408, close   (counted from the request's first byte)
 *   BODY:  read-timeout         -> 408, close   (counted from the request's first byte)
 * </pre>
 *
 * While a request is handled no timer runs (query-timeout governs that). Writes have their own
 * deadline, as Netty's {@code WriteTimeoutHandler} gives them: with an idle-timeout, a write not on
 * the wire within it fails the connection with a {@link WriteTimeoutException} (the client takes no
 * part of the answer) and closes it. Sits before the HTTP codec to see the first byte of each
 * request and the encoded writes of each answer. The deadlines are kept as times and
 * checked by one task per connection, armed for the nearest deadline and moved only when a nearer
 * one appears: a keep-alive connection answering request after request schedules a check about
 * once per read-header-timeout instead of scheduling and cancelling three timers per request. A check
 * that finds its deadline moved on arms itself for the new one, so a timeout fires at its deadline as
 * before. Timers run on the connection's event loop; event-loop confined.
 */
final class ConnectionClock extends ChannelDuplexHandler {

    /** Which timer ran out. */
    enum Phase { IDLE, HEAD, BODY }

    private final Consumer<Phase> onTimeout;
    private final long idleNanos;
    private final long headNanos;
    private final long readNanos;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.IDLE;
    private boolean handling;
    /** No phase timer runs any more (one ran out); writes are still watched until the connection closes. */
    private boolean phasesOver;
    private boolean closed;
    /** When the connection last became idle, and when the first byte of the current request arrived. */
    private long idleSince;
    private long requestSince;
    /** The armed check, and the time it runs at. */
    private ScheduledFuture<?> check;
    private long checkAt;
    /** The current deadline, set by {@link #hasDeadline()}, and whether it is the oldest write's. */
    private long deadline;
    private boolean writeDue;
    /** Writes not known to be on the wire, oldest first, with the times they were made. */
    private final ArrayDeque<ChannelPromise> writes = new ArrayDeque<>();
    private final ArrayDeque<Long> writtenSince = new ArrayDeque<>();
    private final LongSupplier nanoTime;

    ConnectionClock(HttpLimits limits, Consumer<Phase> onTimeout) {
        this(limits, onTimeout, System::nanoTime);
    }

    /** @param nanoTime the time deadlines are counted in (tests drive it with the event loop's own) */
    ConnectionClock(HttpLimits limits, Consumer<Phase> onTimeout, LongSupplier nanoTime) {
        this.onTimeout = onTimeout;
        this.nanoTime = nanoTime;
        this.idleNanos = nanos(limits.idleTimeout());
        this.headNanos = nanos(limits.readHeaderTimeout());
        this.readNanos = nanos(limits.readTimeout());
    }

    private static long nanos(Duration d) {
        return d == null || d.isNegative() ? 0 : d.toNanos();
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        this.ctx = context;
        idleSince = nanoTime.getAsLong();
        arm();
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (phase == Phase.IDLE && !handling && msg instanceof ByteBuf b && b.isReadable()) {
            startRequest();
        }
        context.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext context, Object msg, ChannelPromise promise) {
        if (idleNanos <= 0 || closed) {
            context.write(msg, promise);
            return;
        }
        ChannelPromise p = promise.unvoid(); // a void promise never tells when it is done
        dropWritten();
        writes.add(p);
        writtenSince.add(nanoTime.getAsLong());
        context.write(msg, p);
        arm();
    }

    /** Forgets the writes at the front that are done (writes of one channel complete in order). */
    private void dropWritten() {
        while (!writes.isEmpty() && writes.peekFirst().isDone()) {
            writes.pollFirst();
            writtenSince.pollFirst();
        }
    }

    private void startRequest() {
        phase = Phase.HEAD;
        requestSince = nanoTime.getAsLong();
        arm();
    }

    /** The head of a request was parsed. */
    void headReceived() {
        if (phase == Phase.IDLE) {
            startRequest(); // a pipelined request that arrived while the previous one was handled
        }
        phase = Phase.BODY;
    }

    /** The whole request arrived (or will not): it is being handled now. */
    void requestReceived() {
        handling = true;
    }

    /** The request was answered and the connection stays open. */
    void responded() {
        handling = false;
        phase = Phase.IDLE;
        idleSince = nanoTime.getAsLong();
        arm();
    }

    /** The connection closed. */
    void stop() {
        closed = true;
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    /**
     * Whether a deadline runs now; the nearest is then in {@link #deadline} ({@link #writeDue} when it is the
     * oldest write's: idle-timeout from when it was made). IDLE: idle-timeout from the last answer; HEAD: the
     * nearer of read-header-timeout and read-timeout from the request's first byte; BODY: read-timeout from the
     * first byte; none of these while the request is handled.
     */
    private boolean hasDeadline() {
        if (closed) {
            return false;
        }
        boolean phaseDue = !phasesOver && !handling && phaseDeadline();
        dropWritten();
        if (!writes.isEmpty()) {
            long writeDeadline = writtenSince.peekFirst() + idleNanos;
            if (!phaseDue || writeDeadline - deadline < 0) {
                deadline = writeDeadline;
                writeDue = true;
                return true;
            }
        }
        writeDue = false;
        return phaseDue;
    }

    /** The deadline of the phase into {@link #deadline}; false when the phase has none. */
    private boolean phaseDeadline() {
        switch (phase) {
            case IDLE -> {
                deadline = idleSince + idleNanos;
                return idleNanos > 0;
            }
            case HEAD -> {
                long after = headNanos > 0 && readNanos > 0 ? Math.min(headNanos, readNanos) : Math.max(headNanos, readNanos);
                deadline = requestSince + after;
                return after > 0;
            }
            default -> {
                deadline = requestSince + readNanos;
                return readNanos > 0;
            }
        }
    }

    /** Makes sure a check runs no later than the current deadline. */
    private void arm() {
        if (ctx == null || !hasDeadline()) {
            return; // a check still armed finds nothing due and stops
        }
        if (check != null) {
            if (checkAt - deadline <= 0) {
                return; // runs first, then arms itself for this deadline
            }
            check.cancel(false);
        }
        checkAt = deadline;
        check = ctx.executor().schedule(this::fire, Math.max(0, deadline - nanoTime.getAsLong()), TimeUnit.NANOSECONDS);
    }

    private void fire() {
        check = null;
        if (!hasDeadline() || !ctx.channel().isActive()) {
            return;
        }
        if (nanoTime.getAsLong() - deadline < 0) {
            arm(); // the deadline moved on since this check was armed
            return;
        }
        if (writeDue) {
            stop();
            ctx.fireExceptionCaught(WriteTimeoutException.INSTANCE);
            ctx.close();
        } else {
            phasesOver = true;
            onTimeout.accept(phase);
            arm(); // the answer to the timeout is a write like any other
        }
    }
}
