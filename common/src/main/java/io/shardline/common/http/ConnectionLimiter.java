package io.shardline.common.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code [http] max-connection-limit} as InfluxDB 1.x's {@code LimitListener} applies it: a
 * connection beyond the limit is accepted and closed at once, without a response. Shared by all
 * connections of a server; thread-safe.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<Boolean> COUNTED = AttributeKey.valueOf("shardline.http.counted");

    private final int limit;
    private final ShedLog shed;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionLimiter(int limit, ShedLog shed) {
        this.limit = limit;
        this.shed = shed;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (limit > 0 && open.incrementAndGet() > limit) {
            open.decrementAndGet();
            shed.shed("max-connection-limit", "connection from " + ctx.channel().remoteAddress() + " closed, "
                    + limit + " open");
            ctx.close();
            return;
        }
        ctx.channel().attr(COUNTED).set(Boolean.TRUE);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (limit > 0 && ctx.channel().attr(COUNTED).get() != null) {
            open.decrementAndGet();
        }
        ctx.fireChannelInactive();
    }

    /** Connections open now (counted only when there is a limit). */
    int open() {
        return open.get();
    }
}
