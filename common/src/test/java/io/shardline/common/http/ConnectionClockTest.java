package io.shardline.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.WriteTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The connection clock on an embedded channel whose time stands still until the test moves it (the clock's own
 * time and the event loop's move together): each timeout fires at its deadline, never before, and not while a
 * request is handled; writes not taken within idle-timeout fail the connection.
 */
class ConnectionClockTest {

    private static final long HEAD_MS = 100;
    private static final long READ_MS = 300;
    private static final long IDLE_MS = 1_000;

    private final List<ConnectionClock.Phase> timeouts = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private long now = 1_000_000_000L;
    private EmbeddedChannel channel;
    private ConnectionClock clock;

    private void open(Duration head, Duration read, Duration idle) {
        clock = new ConnectionClock(HttpLimits.of(1 << 20, 1).withTimeouts(head, read, idle), timeouts::add,
                () -> now);
        timeouts.clear();
        failures.clear();
        // Active at once: its first check is armed before time stands still, so it may run a moment early and
        // arm itself again, as a check whose deadline moved on does.
        channel = new EmbeddedChannel(new HoldWrites(), clock, new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                failures.add(cause);
            }
        });
        channel.freezeTime();
    }

    private void open() {
        open(Duration.ofMillis(HEAD_MS), Duration.ofMillis(READ_MS), Duration.ofMillis(IDLE_MS));
    }

    private void advance(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    private void firstByte() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'G'}));
        channel.inboundMessages().clear();
    }

    @Test
    void anIdleConnectionTimesOutAtItsDeadline() {
        open();
        advance(IDLE_MS - 1);
        assertThat(timeouts).isEmpty();
        advance(1);
        assertThat(timeouts).containsExactly(ConnectionClock.Phase.IDLE);
        advance(10 * IDLE_MS);
        assertThat(timeouts).hasSize(1);
    }

    @Test
    void headAndBodyTimeOutFromTheFirstByte() {
        open();
        firstByte();
        advance(HEAD_MS - 1);
        assertThat(timeouts).isEmpty();
        advance(1);
        assertThat(timeouts).containsExactly(ConnectionClock.Phase.HEAD);

        open();
        firstByte();
        advance(HEAD_MS / 2);
        clock.headReceived();
        advance(READ_MS - HEAD_MS / 2 - 1);
        assertThat(timeouts).isEmpty();
        advance(1);
        assertThat(timeouts).containsExactly(ConnectionClock.Phase.BODY);
    }

    @Test
    void aRequestBeingHandledNeverTimesOutAndIdleCountsFromTheAnswer() {
        open();
        firstByte();
        clock.headReceived();
        clock.requestReceived();
        advance(5 * IDLE_MS);
        assertThat(timeouts).isEmpty();
        clock.responded();
        advance(IDLE_MS - 1);
        assertThat(timeouts).isEmpty();
        advance(1);
        assertThat(timeouts).containsExactly(ConnectionClock.Phase.IDLE);
    }

    @Test
    void deadlinesThatMoveOnAreFollowedAcrossManyKeepAliveRequests() {
        open();
        for (int i = 0; i < 50; i++) {
            advance(HEAD_MS / 3);
            firstByte();
            advance(HEAD_MS / 3);
            clock.headReceived();
            clock.requestReceived();
            advance(HEAD_MS / 3);
            clock.responded();
        }
        assertThat(timeouts).isEmpty();
        firstByte();
        advance(HEAD_MS - 1);
        assertThat(timeouts).isEmpty();
        advance(1);
        assertThat(timeouts).containsExactly(ConnectionClock.Phase.HEAD);
    }

    @Test
    void aWriteNotTakenWithinIdleTimeoutClosesTheConnection() {
        open();
        firstByte();
        clock.headReceived();
        clock.requestReceived();
        ChannelFuture taken = channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1}));
        assertThat(taken.isSuccess()).isTrue();
        HoldWrites hold = channel.pipeline().get(HoldWrites.class);
        hold.holding = true;
        advance(IDLE_MS / 2);
        ChannelFuture stuck = channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {2}));
        advance(IDLE_MS - 1);
        assertThat(failures).isEmpty();
        assertThat(channel.isActive()).isTrue();
        advance(1);
        assertThat(failures).containsExactly(WriteTimeoutException.INSTANCE);
        assertThat(channel.isActive()).isFalse();
        assertThat(stuck.isDone()).isTrue();
        assertThat(timeouts).isEmpty();
    }

    @Test
    void writesTakenInTimeAndNoIdleTimeoutNeverFail() {
        open();
        for (int i = 0; i < 20; i++) {
            firstByte();
            clock.headReceived();
            clock.requestReceived();
            channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1}));
            advance(IDLE_MS / 2);
            clock.responded();
        }
        assertThat(failures).isEmpty();
        channel.outboundMessages().clear();

        open(Duration.ZERO, Duration.ZERO, Duration.ZERO);
        channel.pipeline().get(HoldWrites.class).holding = true;
        channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1}));
        firstByte();
        advance(100 * IDLE_MS);
        assertThat(failures).isEmpty();
        assertThat(timeouts).isEmpty();
        assertThat(channel.isActive()).isTrue();
    }

    /** Between the channel and the clock: once {@code holding}, writes are kept, as a client that reads nothing. */
    private static final class HoldWrites extends ChannelOutboundHandlerAdapter {
        private final List<Object> held = new ArrayList<>();
        boolean holding;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (holding) {
                held.add(msg); // released with the channel at the end of the test
                ctx.channel().closeFuture().addListener(f -> promise.tryFailure(new IllegalStateException("closed")));
            } else {
                ctx.write(msg, promise);
            }
        }
    }
}
