package io.shardline.meta.client;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.shardline.common.rpc.GrpcChannels;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MetaService addresses a client knows (the configured ones plus every meta node the metadata
 * lists) and which one it currently prefers; a failed address moves the preference to the next.
 * Channels are created once per address. Thread-safe (synchronized address list, concurrent channels).
 */
final class MetaEndpoints implements AutoCloseable {

    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final List<ClientInterceptor> interceptors;
    private final SslContext tls;
    private List<String> addresses;
    private int current;

    /** @param tls the TLS context of every channel, null for plaintext */
    MetaEndpoints(List<String> servers, List<ClientInterceptor> interceptors, SslContext tls) {
        this.addresses = List.copyOf(new LinkedHashSet<>(servers));
        this.interceptors = List.copyOf(interceptors);
        this.tls = tls;
    }

    synchronized List<String> addresses() {
        return addresses;
    }

    /** The preferred address, or null if none is known. */
    synchronized String current() {
        return addresses.isEmpty() ? null : addresses.get(current % addresses.size());
    }

    /** Moves the preference past {@code failed} if it is still the preferred one. */
    synchronized void failed(String failed) {
        if (!addresses.isEmpty() && addresses.get(current % addresses.size()).equals(failed)) {
            current = (current + 1) % addresses.size();
        }
    }

    /** Adds the meta nodes the metadata lists; known addresses keep their order. */
    synchronized void learn(ClusterMetadata metadata) {
        Set<String> all = new LinkedHashSet<>(addresses);
        for (NodeInfo node : metadata.metaNodes()) {
            all.add(node.httpAddress());
        }
        if (all.size() != addresses.size()) {
            String preferred = current();
            addresses = List.copyOf(all);
            current = preferred == null ? 0 : Math.max(0, addresses.indexOf(preferred));
        }
    }

    /** Replaces the addresses (the node was told about a new set of meta servers). */
    synchronized void replace(List<String> servers) {
        addresses = List.copyOf(new LinkedHashSet<>(servers));
        current = 0;
    }

    ManagedChannel channel(String address) {
        return channels.computeIfAbsent(address, a -> GrpcChannels.open(a, tls, interceptors));
    }

    @Override
    public void close() {
        new ArrayList<>(channels.values()).forEach(ManagedChannel::shutdownNow);
        channels.clear();
    }
}
