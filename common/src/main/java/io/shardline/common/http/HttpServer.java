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
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
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
 * A Netty HTTP/1.1 server that hands each request to a {@link StreamingHttpHandler} (usually an
 * {@link HttpRouter}) on a worker pool, with the body as a stream filled while it arrives, so
 * handlers may block without stalling the event loop and large bodies are never buffered whole.
 * Keep-alive is supported; a body over {@code maxContentLength} makes reading it fail.
 */
public final class HttpServer implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    /** How long closing waits for requests in progress. */
    static final long DRAIN_MILLIS = 3_000;

    private final String name;
    private final HostPort bind;
    private final String configKey;
    private final StreamingHttpHandler handler;
    private final long maxContentLength;
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
    public HttpServer(String name, HostPort bind, String configKey, StreamingHttpHandler handler,
                      long maxContentLength, int workerThreads) {
        this.name = name;
        this.bind = bind;
        this.configKey = configKey;
        this.handler = handler;
        this.maxContentLength = Math.max(0, maxContentLength);
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
    /**
     * Stops accepting connections, lets requests already being handled finish (up to
     * {@link #DRAIN_MILLIS}; new requests on open connections get 503), then closes everything.
     */
    public void close() {
        if (!guard.markClosed()) {
            return;
        }
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        if (workers != null) {
            workers.shutdown();
            try {
                workers.awaitTermination(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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

    /**
     * Runs on the event loop: starts a worker for each request head and feeds it the body chunks.
     * One request at a time per connection (HTTP/1.1 without pipelining).
     */
    private final class Dispatcher extends SimpleChannelInboundHandler<HttpObject> {

        private ChunkStream body;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpRequest request) {
                startRequest(ctx, request);
            }
            if (msg instanceof HttpContent content && body != null) {
                if (content.content().isReadable()) {
                    body.offer(content.content().retain());
                }
                if (msg instanceof LastHttpContent) {
                    body.end();
                    body = null;
                }
            }
        }

        private void startRequest(ChannelHandlerContext ctx, HttpRequest request) {
            HttpRequestView view = new HttpRequestView(request, ctx.channel().remoteAddress());
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            boolean hasBody = HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0;
            ChunkStream stream = new ChunkStream(ctx.channel(), maxContentLength);
            body = stream;
            try {
                workers.execute(() -> respond(ctx, view, stream, keepAlive, hasBody));
            } catch (RejectedExecutionException e) {
                stream.close();
                write(ctx, HttpResult.text(503, "server is shutting down or overloaded\n"), false, false);
            }
        }

        private void respond(ChannelHandlerContext ctx, HttpRequestView view, ChunkStream stream, boolean keepAlive,
                             boolean hasBody) {
            HttpResult result;
            try {
                result = handler.handle(view, stream);
            } catch (Exception e) {
                LOG.warn("HTTP handler failed service={} path={}", name, view.path(), e);
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                result = HttpResult.json(500, GoJson.errorBody(msg) + "\n");
            }
            // A handler that answered before reading the whole body leaves the connection unusable.
            boolean bodyConsumed = !hasBody || stream.fullyRead();
            stream.close();
            write(ctx, result, keepAlive && bodyConsumed, "HEAD".equals(view.method()));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (body != null) {
                body.end();
                body = null;
            }
            ctx.fireChannelInactive();
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
