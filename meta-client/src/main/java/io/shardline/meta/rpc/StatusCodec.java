package io.shardline.meta.rpc;

import io.shardline.meta.client.ClusterStatus;
import io.shardline.meta.client.NodeStatus;
import io.shardline.proto.meta.ClusterStatusMessage;
import io.shardline.proto.meta.NodeStatusEntry;
import java.util.List;

/** Converts {@link ClusterStatus} to its message and back. Stateless. */
public final class StatusCodec {

    private StatusCodec() {
    }

    public static ClusterStatusMessage encode(ClusterStatus s) {
        return ClusterStatusMessage.newBuilder().addAllMetaNodes(entries(s.metaNodes()))
                .addAllDataNodes(entries(s.dataNodes())).setLeader(s.leader()).addAllPeers(s.peers())
                .setVersion(s.version()).build();
    }

    public static ClusterStatus decode(ClusterStatusMessage m) {
        return new ClusterStatus(nodes(m.getMetaNodesList()), nodes(m.getDataNodesList()), m.getLeader(),
                m.getPeersList(), m.getVersion());
    }

    private static List<NodeStatusEntry> entries(List<NodeStatus> nodes) {
        return nodes.stream().map(n -> NodeStatusEntry.newBuilder().setNode(MetadataCodec.encode(n.node()))
                .setVersion(n.version()).setHttps(n.https()).build()).toList();
    }

    private static List<NodeStatus> nodes(List<NodeStatusEntry> entries) {
        return entries.stream().map(e -> new NodeStatus(MetadataCodec.decode(e.getNode()), e.getVersion(),
                e.getHttps())).toList();
    }
}
