package io.shardline.meta.ratis;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientRpc;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Ratis client for the current members and builds a new one when the membership
 * changes (a client only knows the peers it was built with, plus leaders it is told about).
 * Thread-safe (synchronized); a replaced client is closed, failing its in-flight requests, which
 * callers retry.
 */
final class MetaRaftClients implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetaRaftClients.class);

    private final Supplier<RaftClientRpc> rpcs;
    private final RaftProperties properties;
    private final RetryPolicy retryPolicy;
    private RaftClient client;
    private Set<RaftPeerId> clientMembers = Set.of();
    private boolean closed;

    MetaRaftClients(Supplier<RaftClientRpc> rpcs, RaftProperties properties, RetryPolicy retryPolicy) {
        this.rpcs = rpcs;
        this.properties = properties;
        this.retryPolicy = retryPolicy;
    }

    synchronized RaftClient client(List<RaftPeer> members) {
        if (closed) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "meta raft is closed");
        }
        if (members.isEmpty()) {
            throw new ShardlineException(ErrorCode.META_UNAVAILABLE,
                    "this meta node has not joined a meta cluster; add it with add-meta");
        }
        Set<RaftPeerId> ids = members.stream().map(RaftPeer::getId).collect(Collectors.toSet());
        if (client == null || !ids.equals(clientMembers)) {
            closeClient();
            client = RaftClient.newBuilder().setRaftGroup(RaftGroup.valueOf(RaftIds.GROUP_ID,
                            members.stream().map(RaftAddressClientRpc::raftOnly).toList()))
                    .setProperties(properties).setClientRpc(rpcs.get()).setRetryPolicy(retryPolicy).build();
            clientMembers = ids;
        }
        return client;
    }

    private void closeClient() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Error closing Raft client", e);
            }
            client = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeClient();
    }
}
