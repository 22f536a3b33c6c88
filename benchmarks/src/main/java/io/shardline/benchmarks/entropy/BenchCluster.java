package io.shardline.benchmarks.entropy;

import io.shardline.config.data.AntiEntropyConfig;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Two {@link BenchNode}s (ids 4 and 5) owning {@code shards} shards of database {@code bench}, policy
 * {@code autogen}, in one shard group around {@link BenchData#START}. Passes and jobs run on the
 * calling thread; peer calls go over gRPC. Close it.
 */
final class BenchCluster implements AutoCloseable {

    static final Executor DIRECT = Runnable::run;
    static final long WEEK = 7 * 86_400_000_000_000L;

    final BenchNode a;
    final BenchNode b;
    private final AtomicReference<ClusterView> view = new AtomicReference<>(ClusterView.EMPTY);

    BenchCluster(Path dir, int shards, AntiEntropyConfig config) {
        a = new BenchNode(4, dir.resolve("a"), config, view);
        b = new BenchNode(5, dir.resolve("b"), config, view);
        List<ShardInfo> list = new ArrayList<>();
        for (long s = 1; s <= shards; s++) {
            list.add(new ShardInfo(s, List.of(4L, 5L)));
        }
        ShardGroupInfo group = new ShardGroupInfo(1, BenchData.START - WEEK, BenchData.START + WEEK, 0, 0, list);
        DatabaseInfo db = DatabaseInfo.empty("bench").withRetentionPolicy(RetentionPolicyInfo.of("autogen", 0, WEEK, 2)
                .withShardGroup(group)).withDefaultRetentionPolicy("autogen");
        view.set(ClusterView.of(new ClusterMetadata(List.of(), List.of(new NodeInfo(4, a.address(), "a:8086"),
                new NodeInfo(5, b.address(), "b:8086")), new TreeMap<>(Map.of("bench", db)), 5, 1, shards, 1)));
    }

    static ShardStore store(BenchNode n, long shard) {
        return n.engine.open(new ShardId("bench", "autogen", shard));
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
