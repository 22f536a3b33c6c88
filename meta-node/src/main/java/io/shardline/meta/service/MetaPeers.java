package io.shardline.meta.service;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.shardline.common.rpc.GrpcChannels;
import io.grpc.stub.MetadataUtils;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.ratis.MetaRaft;
import io.shardline.meta.ratis.RaftView;
import io.shardline.proto.meta.MetaServiceGrpc;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * gRPC links from this meta node to the MetaService of other meta nodes: the leader (announcements
 * and status are answered there) and nodes being added or removed. Channels are cached per address.
 * Calls it makes carry the {@value #FORWARDED} header, so a node that is not the leader either does
 * not forward them again. Thread-safe.
 */
final class MetaPeers implements AutoCloseable {

    static final String FORWARDED = "shardline-forwarded";
    static final Metadata.Key<String> FORWARDED_KEY = Metadata.Key.of(FORWARDED, Metadata.ASCII_STRING_MARSHALLER);

    private final MetaRaft raft;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final List<ClientInterceptor> credentials;
    private final SslContext tls;

    /** @param tls the TLS context of the channels ({@code [meta] https-enabled}), null for plaintext */
    MetaPeers(MetaRaft raft, List<ClientInterceptor> credentials, SslContext tls) {
        this.raft = raft;
        this.credentials = List.copyOf(credentials);
        this.tls = tls;
    }

    /** A stub for the MetaService at {@code httpAddress} with a deadline. */
    MetaServiceGrpc.MetaServiceStub stub(String httpAddress, Duration deadline) {
        ManagedChannel channel = channels.computeIfAbsent(httpAddress,
                a -> GrpcChannels.open(a, tls, credentials));
        Metadata headers = new Metadata();
        headers.put(FORWARDED_KEY, "1");
        return MetaServiceGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The leader's MetaService address: from the registered meta nodes (by Raft address), else from
     * the Raft configuration.
     *
     * @throws ShardlineException {@code META_UNAVAILABLE} when no leader is known
     */
    String leaderHttpAddress() {
        RaftView view = raft.view();
        if (view.leader().isEmpty()) {
            throw new ShardlineException(ErrorCode.META_UNAVAILABLE, "the meta cluster has no leader");
        }
        for (NodeInfo node : raft.localMetadata().metaNodes()) {
            if (node.tcpAddress().equals(view.leader())) {
                return node.httpAddress();
            }
        }
        String fromConf = raft.leaderClientAddress();
        if (fromConf.isEmpty()) {
            throw new ShardlineException(ErrorCode.META_UNAVAILABLE,
                    "the meta leader " + view.leader() + " has not registered its MetaService address yet");
        }
        return fromConf;
    }

    @Override
    public void close() {
        channels.values().forEach(ManagedChannel::shutdownNow);
        channels.clear();
    }
}
