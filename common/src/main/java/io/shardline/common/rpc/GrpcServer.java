package io.shardline.common.rpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.protobuf.services.HealthStatusManager;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.net.BindFailures;
import io.shardline.common.net.HostPort;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gRPC server on one address with the standard gRPC health service always registered (so tools
 * can probe it), plus the node's own services. Bind failures become one-line errors naming the
 * configuration key. Every call goes through a catch-all ({@link CatchAllInterceptor}) and the
 * server's {@link GrpcLimits} (message size, concurrent calls per connection, idle connections); keepalive
 * pings are permitted and sent (see {@link GrpcChannels}); TLS when a context is set.
 */
public final class GrpcServer implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);
    /** The most frequent client pings accepted (below {@link GrpcChannels#KEEPALIVE_TIME}). */
    static final Duration PERMIT_KEEPALIVE_TIME = Duration.ofSeconds(5);
    /** How often the server pings a client connection it has heard nothing on. */
    static final Duration SERVER_KEEPALIVE_TIME = Duration.ofSeconds(30);

    private final String name;
    private final HostPort bind;
    private final String configKey;
    private final List<ServerServiceDefinition> services = new ArrayList<>();
    private final List<ServerInterceptor> interceptors = new ArrayList<>();
    private final HealthStatusManager health = new HealthStatusManager();
    private final LifecycleGuard guard;
    private GrpcLimits limits = GrpcLimits.DEFAULT;
    private SslContext tls;
    private Server server;

    public GrpcServer(String name, HostPort bind, String configKey) {
        this.name = name;
        this.bind = bind;
        this.configKey = configKey;
        this.guard = new LifecycleGuard(name);
    }

    /** Adds a service; only before {@link #start()}. */
    public GrpcServer addService(BindableService service) {
        return addService(service.bindService());
    }

    public GrpcServer addService(ServerServiceDefinition service) {
        if (guard.state() != LifecycleGuard.State.NEW) {
            throw new IllegalStateException("services must be added before " + name + " starts");
        }
        services.add(service);
        return this;
    }

    /**
     * Runs {@code interceptor} on every call of every service, the health service included (the
     * authentication between nodes); only before {@link #start()}.
     */
    public GrpcServer intercept(ServerInterceptor interceptor) {
        if (guard.state() != LifecycleGuard.State.NEW) {
            throw new IllegalStateException("interceptors must be added before " + name + " starts");
        }
        interceptors.add(interceptor);
        return this;
    }

    /** Replaces the default limits; only before {@link #start()}. */
    public GrpcServer limits(GrpcLimits newLimits) {
        if (guard.state() != LifecycleGuard.State.NEW) {
            throw new IllegalStateException("limits must be set before " + name + " starts");
        }
        this.limits = newLimits;
        return this;
    }

    /** Serves TLS with {@code context} (see {@link GrpcTls#server}); only before {@link #start()}. */
    public GrpcServer tls(SslContext context) {
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
        NettyServerBuilder builder = NettyServerBuilder.forAddress(bind.toBindAddress())
                .addService(ServerInterceptors.intercept(health.getHealthService(), interceptors))
                .maxInboundMessageSize(limits.maxMessageSize())
                .initialFlowControlWindow(GrpcChannels.FLOW_CONTROL_WINDOW)
                .maxConcurrentCallsPerConnection(limits.maxConcurrentStreams())
                .intercept(new CatchAllInterceptor(name))
                // Clients ping every GrpcChannels.KEEPALIVE_TIME; the server pings idle clients too, so a
                // connection to a vanished client is closed rather than held until TCP gives up.
                .permitKeepAliveTime(PERMIT_KEEPALIVE_TIME.toMillis(), TimeUnit.MILLISECONDS)
                .permitKeepAliveWithoutCalls(true)
                .keepAliveTime(SERVER_KEEPALIVE_TIME.toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveTimeout(GrpcChannels.KEEPALIVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (tls != null) {
            builder.sslContext(tls);
        }
        if (!limits.maxConnectionIdle().isZero()) {
            builder.maxConnectionIdle(limits.maxConnectionIdle().toMillis(), TimeUnit.MILLISECONDS);
        }
        services.forEach(s -> builder.addService(ServerInterceptors.intercept(s, interceptors)));
        try {
            server = builder.build().start();
        } catch (IOException | RuntimeException e) {
            throw BindFailures.describe(e, bind, configKey);
        }
        health.setStatus("", ServingStatus.SERVING);
        LOG.info("Listening on gRPC service={} addr={} tls={}", name, boundAddress(), tls != null);
    }

    /** The address actually bound (resolves port 0). */
    public HostPort boundAddress() {
        guard.checkRunning();
        return bind.withPort(server.getPort());
    }

    @Override
    public void close() {
        if (!guard.markClosed() || server == null) {
            return;
        }
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
                server.shutdownNow().awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
