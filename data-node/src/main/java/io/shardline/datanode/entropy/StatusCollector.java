package io.shardline.datanode.entropy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.config.data.AntiEntropyConfig;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.ShardLocation;
import io.shardline.model.Hlc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds entropy reports: this node's from its {@link EntropyState}; the cluster's by asking every
 * other data node for its own (a node that does not answer is listed as unreachable and left out, a
 * node with anti-entropy off is left out silently) and merging; with owner figures for every
 * {@code diff} shard, all taken at one version cut-off. Thread-safe; blocking.
 */
final class StatusCollector {

    /** This node's figures of a shard (the node answers itself without an RPC). */
    interface LocalInfo {
        ReplicaInfo get(long shardId, boolean withDigestRoot, long versionCutoff);
    }

    private static final Logger LOG = LoggerFactory.getLogger(StatusCollector.class);

    private final AntiEntropyConfig config;
    private final EntropyShards shards;
    private final EntropyPeers peers;
    private final EntropyState state;
    private final Clock clock;
    private final LocalInfo local;

    StatusCollector(AntiEntropyConfig config, EntropyShards shards, EntropyPeers peers, EntropyState state, Clock clock,
                    LocalInfo local) {
        this.config = config;
        this.shards = shards;
        this.peers = peers;
        this.state = state;
        this.clock = clock;
        this.local = local;
    }

    EntropyReport collect(boolean localOnly, boolean verbose) {
        EntropyReport mine = state.report(shards.view());
        EntropyReport report = mine;
        if (!localOnly) {
            List<EntropyReport> all = new ArrayList<>(List.of(mine));
            List<String> unreachable = new ArrayList<>();
            for (long node : shards.view().metadata().dataNodeIds()) {
                if (node == shards.self()) {
                    continue;
                }
                try {
                    all.add(peers.status(node));
                } catch (ShardlineException e) {
                    if (e.code() != ErrorCode.FAILED_PRECONDITION) {
                        unreachable.add(shards.address(node));
                        LOG.warn("Entropy status of a data node left out node={} error=\"{}\"", node, e.getMessage());
                    }
                }
            }
            report = StatusMerge.merge(all, unreachable);
        }
        return verbose ? withOwners(report) : report;
    }

    private EntropyReport withOwners(EntropyReport report) {
        long cutoff = Hlc.minVersionAt(Math.max(0, clock.wallMillis() - config.settleWindow().toMillis()));
        List<OwnerDetail> details = new ArrayList<>();
        ClusterView view = shards.view();
        for (ShardEntropy s : report.shards()) {
            if (!ShardEntropy.DIFF.equals(s.status())) {
                continue;
            }
            Optional<ShardLocation> location = view.shards().shard(s.id());
            if (location.isEmpty()) {
                continue;
            }
            for (long owner : OwnerOrder.of(s.id(), location.get().shard().owners())) {
                String address = shards.address(owner);
                try {
                    ReplicaInfo info = owner == shards.self() ? local.get(s.id(), true, cutoff)
                            : peers.shardInfo(owner, s.id(), true, cutoff);
                    details.add(new OwnerDetail(s.id(), owner, address, info.exists(), info.points(), info.digestRoot(),
                            info.lastModified(), info.estimatedRepairBytes(), ""));
                } catch (ShardlineException e) {
                    details.add(OwnerDetail.unreachable(s.id(), owner, address, e.getMessage()));
                }
            }
        }
        return report.withOwners(details, cutoff);
    }
}
