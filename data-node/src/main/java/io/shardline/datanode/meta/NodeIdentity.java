package io.shardline.datanode.meta;

import java.util.List;

/**
 * Who this data node is in the cluster: its node id (0 until the meta nodes assigned one) and the
 * MetaService addresses it last knew. Immutable.
 */
public record NodeIdentity(long nodeId, List<String> metaServers) {

    public static final NodeIdentity NONE = new NodeIdentity(0, List.of());

    public NodeIdentity {
        metaServers = List.copyOf(metaServers);
    }

    public boolean registered() {
        return nodeId > 0;
    }
}
