package io.shardline.common.rpc;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one way a Shardline process opens a gRPC channel to another node (data to data, data to
 * meta, meta to meta, shardline-ctl): TLS when a context is given, and HTTP/2 keepalive, so a
 * connection whose packets vanish (a network partition, a peer's host gone) is closed within
 * {@link #KEEPALIVE_TIME} + {@link #KEEPALIVE_TIMEOUT} and the next call dials a fresh one instead of
 * waiting for TCP's backed-off retransmissions after the network heals, and a flow-control window
 * large enough for shard transfers. {@link GrpcServer} permits these pings and uses the same window. Stateless.
 */
public final class GrpcChannels {

    /** Ping a connection after this long without reads (gRPC's smallest allowed client value). */
    public static final Duration KEEPALIVE_TIME = Duration.ofSeconds(10);
    /** Close the connection if a ping is not acknowledged within this. */
    public static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The initial HTTP/2 flow-control window of every connection and stream, client and server (gRPC
     * grows it further when it measures a larger bandwidth-delay product). gRPC's default, 1 MiB, is a
     * quarter of one shard-transfer chunk ({@code ChunkSender.CHUNK}): the sender then stalls for a
     * window update from the receiver several times per chunk. 8 MiB keeps two chunks in flight; it
     * is also the most a peer can send on a connection ahead of what its receiver has consumed.
     */
    public static final int FLOW_CONTROL_WINDOW = 8 << 20;

    private GrpcChannels() {
    }

    /**
     * A builder for {@code target} with keepalive (also without calls in progress) and, if
     * {@code tls} is not null, TLS with that context; plaintext otherwise.
     */
    public static NettyChannelBuilder builder(String target, SslContext tls) {
        NettyChannelBuilder b = NettyChannelBuilder.forTarget(target)
                .keepAliveTime(KEEPALIVE_TIME.toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveTimeout(KEEPALIVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveWithoutCalls(true)
                .initialFlowControlWindow(FLOW_CONTROL_WINDOW);
        return tls == null ? b.usePlaintext() : b.sslContext(tls).useTransportSecurity();
    }

    /** A channel to {@code target} with {@code interceptors} on every call. */
    public static ManagedChannel open(String target, SslContext tls, List<ClientInterceptor> interceptors) {
        return builder(target, tls).intercept(interceptors).build();
    }
}
