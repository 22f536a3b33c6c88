package io.shardline.common.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.net.BindFailures;
import io.shardline.common.net.HostPort;
import io.shardline.common.time.Clock;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Netty HTTP/1.1 server that hands each request to a {@link StreamingHttpHandler} (usually an
 * {@link HttpRouter}) on a worker pool, with the body as a stream filled while it arrives, so
 * handlers may block without stalling the event loop and large bodies are never buffered whole.
 * Keep-alive is supported; a body over {@code maxContentLength} makes reading it fail. Every request
 * gets an answer: whatever a handler throws becomes a 500 ({@link HttpFailures}), responses are
 * written as Go's {@code net/http} writes them ({@link ResponseWriter}), and each request carries an
 * id (the client's {@code X-Request-Id} or {@code Request-Id}, else a new time-based UUID). The
 * limits of {@link HttpLimits} hold for every route: a request past one is shed with 1.x's status
 * (413, 503 with {@code Retry-After}, 408) and named in a rate-limited WARN line, never queued
 * without bound.
 */
public final class HttpServer implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** How long closing waits for requests in progress. */
    static final long DRAIN_MILLIS = 3_000;
    /** Netty's limits on the request line and headers, set to Go's 1 MiB {@code DefaultMaxHeaderBytes}. */
    private static final int MAX_HEAD_BYTES = 1 << 20;

    private final String name;
    private final HostPort bind;
    private final String configKey;
    private final StreamingHttpHandler handler;
    private final HttpLimits limits;
    private final Clock clock;
    private final LifecycleGuard guard;
    private Map<String, String> commonHeaders = Map.of();
    private boolean echoRequestIds;
    private SslContext tls;

    private EventLoopGroup boss;
    private EventLoopGroup io;
    private ExecutorService workers;
    private BodyBudget budget;
    private Channel channel;

    /**
     * @param name for thread names and logs, e.g. {@code "http"}
     * @param bind where to listen; port 0 picks a free port
     * @param configKey the configuration key of {@code bind}, named in errors
     * @param maxContentLength largest accepted request body in bytes (0 = no limit)
     */
    public HttpServer(String name, HostPort bind, String configKey, StreamingHttpHandler handler,
                      long maxContentLength, int workerThreads) {
        this(name, bind, configKey, handler, HttpLimits.of(maxContentLength, workerThreads), Clock.system());
    }

    /** A server with every limit of {@code limits}; {@code clock} stamps {@code Date} and request ids. */
    public HttpServer(String name, HostPort bind, String configKey, StreamingHttpHandler handler, HttpLimits limits,
                      Clock clock) {
        this.name = name;
        this.bind = bind;
        this.configKey = configKey;
        this.handler = handler;
        this.limits = limits;
        this.clock = clock;
        this.guard = new LifecycleGuard(name);
    }

    /**
     * Headers put on every response, including the ones the server makes itself (errors, overload),
     * and whether to echo the request id as {@code Request-Id} and {@code X-Request-Id} like
     * InfluxDB. Only before {@link #start()}.
     */
    public HttpServer responseHeaders(Map<String, String> headers, boolean echoIds) {
        if (guard.state() != LifecycleGuard.State.NEW) {
            throw new IllegalStateException("response headers must be set before " + name + " starts");
        }
        this.commonHeaders = Map.copyOf(headers);
        this.echoRequestIds = echoIds;
        return this;
    }

    /** Serves HTTPS with {@code context} (see {@link HttpsContext}); only before {@link #start()}. */
    public HttpServer tls(SslContext context) {
        if (guard.state() != LifecycleGuard.State.NEW) {
            throw new IllegalStateException("TLS must be set before " + name + " starts");
        }
        this.tls = context;
        return this;
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
        workers = new ThreadPoolExecutor(limits.workerThreads(), limits.workerThreads(), 60, TimeUnit.SECONDS,
                limits.maxQueuedRequests() > 0 ? new ArrayBlockingQueue<>(limits.maxQueuedRequests())
                        : new SynchronousQueue<>(), new NamedThreadFactory(name + "-worker", true));
        ShedLog shedLog = new ShedLog(name, clock);
        budget = new BodyBudget(limits.maxInflightBodyBytes());
        Runtime runtime = new Runtime(new ResponseWriter(clock, commonHeaders), new TimeUuids(clock), budget, shedLog);
        ConnectionLimiter limiter = new ConnectionLimiter(limits.maxConnections(), shedLog);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, io)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        HttpConnection connection = new HttpConnection(runtime);
                        ch.pipeline().addLast(limiter);
                        if (tls != null) {
                            ch.pipeline().addLast(new PlainHttpOnTlsPort());
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        // the connection's clock also fails a write not taken within idle-timeout
                        ch.pipeline().addLast(connection.clock())
                                .addLast(new HttpServerCodec(MAX_HEAD_BYTES, MAX_HEAD_BYTES, 64 * 1024))
                                .addLast(connection);
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
        LOG.info("Listening on HTTP service={} addr={} tls={}", name, boundAddress(), tls != null);
    }

    /** The address actually bound (resolves port 0). */
    public HostPort boundAddress() {
        guard.checkRunning();
        return bind.withPort(((InetSocketAddress) channel.localAddress()).getPort());
    }

    /** Request body bytes held now (buffered or being processed). */
    public long bodyBytesInUse() {
        return budget == null ? 0 : budget.used();
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

    /** What every connection of a started server shares. Immutable apart from the id generator. */
    final class Runtime {

        private final ResponseWriter writer;
        private final TimeUuids ids;
        private final BodyBudget budget;
        private final ShedLog shedLog;

        private Runtime(ResponseWriter writer, TimeUuids ids, BodyBudget budget, ShedLog shedLog) {
            this.writer = writer;
            this.ids = ids;
            this.budget = budget;
            this.shedLog = shedLog;
        }

        HttpLimits limits() {
            return limits;
        }

        BodyBudget budget() {
            return budget;
        }

        ShedLog shedLog() {
            return shedLog;
        }

        String name() {
            return name;
        }

        StreamingHttpHandler handler() {
            return handler;
        }

        ExecutorService workers() {
            return workers;
        }

        ResponseWriter writer() {
            return writer;
        }

        boolean echoRequestIds() {
            return echoRequestIds;
        }

        /** InfluxDB's request id: {@code X-Request-Id}, else {@code Request-Id}, else a new v1 UUID. */
        String requestId(HttpRequest request) {
            String id = request.headers().get("X-Request-Id");
            if (id == null || id.isEmpty()) {
                id = request.headers().get("Request-Id");
            }
            return id == null || id.isEmpty() ? ids.next().toString() : id;
        }
    }
}
