package io.shardline.datanode.entropy;

import io.shardline.meta.client.ClusterView;
import java.util.Set;

/**
 * What {@link PassPlanner} decides from: this node's id, its cluster view, the shards open here and
 * those that failed to open, the data nodes known to be live ({@code null}: unknown, take every
 * registered node as live), the shards this node held before (persisted), wall-clock nanoseconds now
 * and whether missing shards are copied automatically. Immutable.
 */
record PassInput(long self, ClusterView view, Set<Long> localShards, Set<Long> failedShards, Set<Long> liveNodes,
                 Set<Long> heldBefore, long nowNanos, boolean autoRepairMissing) {

    PassInput {
        localShards = Set.copyOf(localShards);
        failedShards = Set.copyOf(failedShards);
        liveNodes = liveNodes == null ? null : Set.copyOf(liveNodes);
        heldBefore = Set.copyOf(heldBefore);
    }

    boolean live(long node) {
        return liveNodes == null ? view.metadata().dataNode(node).isPresent() : liveNodes.contains(node);
    }
}
