package io.shardline.common.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.shardline.common.json.GoJson;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.net.BindFailures;
import io.shardline.common.net.HostPort;
import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Netty HTTP/1.1 server that hands each complete request to an {@link HttpHandler} on a worker
 * pool, so handlers may block without stalling the event loop. Keep-alive is supported. Bodies
 * larger than {@code maxContentLength} are answered 413 by Netty before any handler runs.
 */
public final class HttpServer implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final String name;
    private final HostPort bind;
    private final String configKey;
    private final HttpHandler handler;
    private final int maxContentLength;
    private final int workerThreads;
    private final LifecycleGuard guard;

    private EventLoopGroup boss;
    private EventLoopGroup io;
    private ExecutorService workers;
    private Channel channel;

    /**
     * @param name for thread names and logs, e.g. {@code "http"}
     * @param bind where to listen; port 0 picks a free port
     * @param configKey the configuration key of {@code bind}, named in errors
     * @param maxContentLength largest accepted request body in bytes (0 = no limit)
     */
    public HttpServer(String name, HostPort bind, String configKey, HttpHandler handler,
                      long maxContentLength, int workerThreads) {
        this.name = name;
        this.bind = bind;
        this.configKey = configKey;
        this.handler = handler;
        this.maxContentLength = maxContentLength <= 0 || maxContentLength > Integer.MAX_VALUE
                ? Integer.MAX_VALUE : (int) maxContentLength;
        this.workerThreads = workerThreads;
        this.guard = new LifecycleGuard(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        guard.markStarted();
        boss = new NioEventLoopGroup(1, new NamedThreadFactory(name + "-accept", true));
        io = new NioEventLoopGroup(2, new NamedThreadFactory(name + "-io", true));
        workers = new ThreadPoolExecutor(workerThreads, workerThreads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000), new NamedThreadFactory(name + "-worker", true));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, io)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpServerKeepAliveHandler())
                                .addLast(new HttpObjectAggregator(maxContentLength))
                                .addLast(new Dispatcher());
                    }
                });
        try {
            channel = bootstrap.bind(bind.toBindAddress()).sync().channel();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            shutdownThreads();
            throw BindFailures.describe(e, bind, configKey);
        }
        LOG.info("Listening on HTTP service={} addr={}", name, boundAddress());
    }

    /** The address actually bound (resolves port 0). */
    public HostPort boundAddress() {
        guard.checkRunning();
        return bind.withPort(((InetSocketAddress) channel.localAddress()).getPort());
    }

    @Override
    public void close() {
        if (!guard.markClosed()) {
            return;
        }
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        shutdownThreads();
    }

    private void shutdownThreads() {
        if (workers != null) {
            workers.shutdownNow();
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        if (io != null) {
            io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Runs on the event loop: copies the request, hands it to a worker, writes the answer. */
    private final class Dispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
            HttpRequestView view = new HttpRequestView(msg);
            boolean keepAlive = HttpUtil.isKeepAlive(msg);
            try {
                workers.execute(() -> respond(ctx, view, keepAlive));
            } catch (RejectedExecutionException e) {
                write(ctx, HttpResult.text(503, "server is shutting down or overloaded\n"), keepAlive, false);
            }
        }

        private void respond(ChannelHandlerContext ctx, HttpRequestView view, boolean keepAlive) {
            HttpResult result;
            try {
                result = handler.handle(view);
            } catch (Exception e) {
                LOG.warn("HTTP handler failed service={} path={}", name, view.path(), e);
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                result = HttpResult.json(500, GoJson.errorBody(msg) + "\n");
            }
            write(ctx, result, keepAlive, "HEAD".equals(view.method()));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("HTTP connection error service={}", name, cause);
            ctx.close();
        }
    }

    private static void write(ChannelHandlerContext ctx, HttpResult result, boolean keepAlive, boolean head) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(result.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(result.body()));
        if (result.contentType() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, result.contentType());
        }
        for (Map.Entry<String, String> h : result.headers().entrySet()) {
            response.headers().set(h.getKey(), h.getValue());
        }
        response.headers().set("Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        if (result.status() != 204 && result.status() != 304) {
            HttpUtil.setContentLength(response, result.body().length);
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
