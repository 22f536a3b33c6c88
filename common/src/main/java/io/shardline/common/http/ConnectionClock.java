package io.shardline.common.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
 * While a request is handled no timer runs (query-timeout and write-timeout govern that). Sits
 * before the HTTP codec to see the first byte of each request. Timers run on the connection's event
 * loop; event-loop confined.
 */
final class ConnectionClock extends ChannelInboundHandlerAdapter {

    /** Which timer ran out. */
    enum Phase { IDLE, HEAD, BODY }

    private final HttpLimits limits;
    private final Consumer<Phase> onTimeout;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.IDLE;
    private boolean handling;
    private ScheduledFuture<?> idleTimer;
    private ScheduledFuture<?> headTimer;
    private ScheduledFuture<?> readTimer;

    ConnectionClock(HttpLimits limits, Consumer<Phase> onTimeout) {
        this.limits = limits;
        this.onTimeout = onTimeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        this.ctx = context;
        idleTimer = schedule(limits.idleTimeout(), Phase.IDLE);
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (phase == Phase.IDLE && !handling && msg instanceof ByteBuf b && b.isReadable()) {
            startRequest();
        }
        context.fireChannelRead(msg);
    }

    private void startRequest() {
        phase = Phase.HEAD;
        idleTimer = cancel(idleTimer);
        headTimer = schedule(limits.readHeaderTimeout(), Phase.HEAD);
        readTimer = schedule(limits.readTimeout(), Phase.BODY);
    }

    /** The head of a request was parsed. */
    void headReceived() {
        if (phase == Phase.IDLE) {
            startRequest(); // a pipelined request that arrived while the previous one was handled
        }
        phase = Phase.BODY;
        headTimer = cancel(headTimer);
    }

    /** The whole request arrived (or will not): it is being handled now. */
    void requestReceived() {
        handling = true;
        headTimer = cancel(headTimer);
        readTimer = cancel(readTimer);
    }

    /** The request was answered and the connection stays open. */
    void responded() {
        handling = false;
        phase = Phase.IDLE;
        idleTimer = cancel(idleTimer);
        idleTimer = schedule(limits.idleTimeout(), Phase.IDLE);
    }

    /** The connection closed. */
    void stop() {
        idleTimer = cancel(idleTimer);
        headTimer = cancel(headTimer);
        readTimer = cancel(readTimer);
    }

    private ScheduledFuture<?> schedule(Duration after, Phase which) {
        if (after == null || after.isZero() || ctx == null) {
            return null;
        }
        return ctx.executor().schedule(() -> fire(which), after.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void fire(Phase which) {
        boolean current = switch (which) {
            case IDLE -> phase == Phase.IDLE && !handling;
            case HEAD -> phase == Phase.HEAD;
            case BODY -> phase != Phase.IDLE && !handling;
        };
        if (current && ctx.channel().isActive()) {
            stop();
            onTimeout.accept(phase == Phase.HEAD ? Phase.HEAD : which);
        }
    }

    private static ScheduledFuture<?> cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
        return null;
    }
}
