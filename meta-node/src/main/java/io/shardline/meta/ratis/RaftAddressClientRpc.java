package io.shardline.meta.ratis;

import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.client.RaftClientRpc;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * Makes a Ratis client talk to members on their Raft address. A member's {@link RaftPeer} carries
 * its MetaService address as {@code clientAddress} (see {@link RaftIds}), which Ratis's gRPC client
 * would otherwise dial; this decorator hands it copies of the peers without that address. Thread-safe
 * as the wrapped client.
 */
final class RaftAddressClientRpc implements RaftClientRpc {

    private final RaftClientRpc delegate;

    RaftAddressClientRpc(RaftClientRpc delegate) {
        this.delegate = delegate;
    }

    static RaftPeer raftOnly(RaftPeer peer) {
        return RaftPeer.newBuilder().setId(peer.getId()).setAddress(peer.getAddress())
                .setPriority(peer.getPriority()).setStartupRole(peer.getStartupRole()).build();
    }

    @Override
    public void addRaftPeers(Collection<RaftPeer> peers) {
        delegate.addRaftPeers(peers.stream().map(RaftAddressClientRpc::raftOnly).toList());
    }

    @Override
    public CompletableFuture<RaftClientReply> sendRequestAsync(RaftClientRequest request) {
        return delegate.sendRequestAsync(request);
    }

    @Override
    public CompletableFuture<RaftClientReply> sendRequestAsyncUnordered(RaftClientRequest request) {
        return delegate.sendRequestAsyncUnordered(request);
    }

    @Override
    public RaftClientReply sendRequest(RaftClientRequest request) throws IOException {
        return delegate.sendRequest(request);
    }

    @Override
    public boolean handleException(RaftPeerId serverId, Throwable t, boolean reconnect) {
        return delegate.handleException(serverId, t, reconnect);
    }

    @Override
    public boolean shouldReconnect(Throwable t) {
        return delegate.shouldReconnect(t);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
