package io.shardline.datanode.rpc;

import io.grpc.ClientInterceptor;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.shardline.common.rpc.GrpcChannels;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One gRPC channel per peer address, shared by every caller (gRPC multiplexes calls over it).
 * Channels use {@link GrpcChannels}' keepalive and go idle after {@code [cluster] pool-max-idle-time} and reconnect on the next call; a
 * peer whose address changes ({@code update-data}) simply gets a channel for the new address.
 * Thread-safe.
 */
public final class PeerChannels implements AutoCloseable {

    private final Duration idleTime;
    private final Duration dialTimeout;
    private final List<ClientInterceptor> interceptors;
    private final SslContext tls;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    /**
     * @param interceptors applied to every call to a peer (tests use one to cut the network between
     *     two nodes); empty in production
     */
    public PeerChannels(Duration idleTime, Duration dialTimeout, List<ClientInterceptor> interceptors) {
        this(idleTime, dialTimeout, interceptors, null);
    }

    /** @param tls the TLS context of every channel ({@code [cluster] https-enabled}), null for plaintext */
    public PeerChannels(Duration idleTime, Duration dialTimeout, List<ClientInterceptor> interceptors, SslContext tls) {
        this.tls = tls;
        this.idleTime = idleTime;
        this.dialTimeout = dialTimeout;
        this.interceptors = List.copyOf(interceptors);
    }

    /**
     * The channel to {@code host:port}, created on first use. A channel that failed to connect is
     * told to dial again now rather than after gRPC's reconnect back-off (up to two minutes), so the
     * first call after a peer comes back (hinted-handoff replay, a write) reaches it at once.
     */
    public ManagedChannel channel(String address) {
        ManagedChannel channel = open(address);
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
        return channel;
    }

    private ManagedChannel open(String address) {
        return channels.computeIfAbsent(address, a -> {
            NettyChannelBuilder b = GrpcChannels.builder(a, tls)
                    .maxInboundMessageSize(64 << 20)
                    .withOption(io.grpc.netty.shaded.io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS,
                            (int) Math.max(1, dialTimeout.toMillis()));
            if (!idleTime.isZero()) {
                b.idleTimeout(idleTime.toMillis(), TimeUnit.MILLISECONDS);
            }
            return b.intercept(interceptors).build();
        });
    }

    @Override
    public void close() {
        channels.values().forEach(ManagedChannel::shutdownNow);
        for (ManagedChannel c : channels.values()) {
            try {
                c.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        channels.clear();
    }
}
