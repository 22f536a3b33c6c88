package io.shardline.datanode.entropy;

import io.shardline.meta.client.MetaClient;
import io.shardline.meta.client.NodeStatus;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The data nodes the meta leader last heard announce themselves, read once per anti-entropy pass;
 * null (unknown) before this node has a meta client. Throws when meta cannot answer (the pass then
 * treats every registered node as live). Thread-safe.
 */
public final class LiveDataNodes implements Supplier<Set<Long>> {

    private final Supplier<MetaClient> meta;

    public LiveDataNodes(Supplier<MetaClient> meta) {
        this.meta = meta;
    }

    @Override
    public Set<Long> get() {
        MetaClient client = meta.get();
        if (client == null) {
            return null;
        }
        Set<Long> live = new HashSet<>();
        for (NodeStatus s : client.clusterStatus().dataNodes()) {
            if (s.live()) {
                live.add(s.node().id());
            }
        }
        return live;
    }
}
