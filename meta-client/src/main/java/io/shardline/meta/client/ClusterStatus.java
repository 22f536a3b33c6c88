package io.shardline.meta.client;

import java.util.List;
import java.util.Objects;

/**
 * What {@code shardline-ctl show} prints: meta and data nodes with their liveness, the Raft leader's
 * address ("" without one) and the other members' Raft addresses, at metadata {@code version}. Immutable.
 */
public record ClusterStatus(List<NodeStatus> metaNodes, List<NodeStatus> dataNodes, String leader,
                            List<String> peers, long version) {

    public ClusterStatus {
        metaNodes = List.copyOf(metaNodes);
        dataNodes = List.copyOf(dataNodes);
        Objects.requireNonNull(leader, "leader");
        peers = List.copyOf(peers);
    }
}
