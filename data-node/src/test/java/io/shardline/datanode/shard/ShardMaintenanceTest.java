package io.shardline.datanode.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.common.time.ManualClock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.HintedHandoffConfig;
import io.shardline.config.data.RetentionConfig;
import io.shardline.config.data.ShardPrecreationConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.datanode.handoff.HintedHandoff;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStatus;
import io.shardline.storage.memory.InMemoryShardEngine;
import io.shardline.model.Point;
import io.shardline.storage.ShardStore;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data node's housekeeping against a cluster view: what it drops and what it keeps. */
class ShardMaintenanceTest {

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private ShardEngine engine;
    private HintedHandoff handoff;

    @AfterEach
    void close() {
        if (handoff != null) {
            handoff.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private static ClusterView view(long version, boolean deleteGroup2, List<Long> dataNodes) {
        ShardGroupInfo g1 = new ShardGroupInfo(1, 0, 1_000, 0, 0, List.of(new ShardInfo(1, List.of(4L))));
        ShardGroupInfo g2 = new ShardGroupInfo(2, 1_000, 2_000, 0, deleteGroup2 ? 5 : 0,
                List.of(new ShardInfo(2, List.of(4L))));
        RetentionPolicyInfo rp = RetentionPolicyInfo.of("rp", 0, 1_000, 1).withShardGroup(g1).withShardGroup(g2);
        DatabaseInfo db = DatabaseInfo.empty("db").withRetentionPolicy(rp).withDefaultRetentionPolicy("rp");
        List<NodeInfo> nodes = dataNodes.stream().map(n -> new NodeInfo(n, "n" + n + ":8088", "n" + n + ":8086")).toList();
        return ClusterView.of(new ClusterMetadata(List.of(), nodes, new TreeMap<>(Map.of("db", db)), 5, 2, 2, version));
    }

    private ShardMaintenance maintenance(AtomicReference<ClusterView> view) {
        Config c = Config.defaults(DataNodeConfig.DEFINITION);
        engine = new InMemoryShardEngine(StorageConfig.from(c), clock);
        engine.start();
        handoff = new HintedHandoff(new HintedHandoffConfig(true, dir, 1 << 20, Duration.ofHours(1), 1, 0,
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), 1024, 16), Clock.system(),
                (node, batches, timeout) -> new CompletableFuture<>(), (n, s) -> true, new StatsRegistry(), 1_000);
        handoff.start();
        return new ShardMaintenance(ShardPrecreationConfig.from(c), RetentionConfig.from(c), () -> null, view::get,
                engine, handoff, Duration.ofHours(4), clock);
    }

    private List<Long> localShards() {
        return engine.shards().stream().map(ShardStatus::id).map(ShardId::id).sorted().toList();
    }

    @Test
    void dropsShardsOfDeletedGroupsAndUnknownShardsButKeepsLiveOnes() {
        AtomicReference<ClusterView> view = new AtomicReference<>(view(7, false, List.of(4L, 5L)));
        ShardMaintenance m = maintenance(view);
        engine.open(new ShardId("db", "rp", 1));
        engine.open(new ShardId("db", "rp", 2));
        engine.open(new ShardId("gone", "rp", 9));
        m.sweep();
        assertThat(localShards()).containsExactly(1L, 2L);
        view.set(view(8, true, List.of(4L, 5L)));
        m.sweep();
        assertThat(localShards()).containsExactly(1L);
    }

    @Test
    void nothingIsDroppedWhileTheViewIsEmpty() {
        AtomicReference<ClusterView> view = new AtomicReference<>(ClusterView.EMPTY);
        ShardMaintenance m = maintenance(view);
        engine.open(new ShardId("db", "rp", 1));
        m.sweep();
        assertThat(localShards()).containsExactly(1L);
    }

    @Test
    void queuesOfARemovedDataNodeAreDeleted() {
        AtomicReference<ClusterView> view = new AtomicReference<>(view(7, false, List.of(4L, 5L)));
        ShardMaintenance m = maintenance(view);
        handoff.enqueue(5, 1, new byte[] {1}, 1);
        m.sweep();
        assertThat(handoff.queuedBytes(5)).isPositive();
        view.set(view(9, false, List.of(4L)));
        m.sweep();
        assertThat(handoff.queuedBytes(5)).isZero();
        assertThat(dir.resolve("5")).doesNotExist();
    }

    @Test
    void coldShardsAreFullyCompactedOncePerQuietPeriod() {
        AtomicReference<ClusterView> view = new AtomicReference<>(view(7, false, List.of(4L)));
        ShardMaintenance real = maintenance(view);
        ShardStore store = engine.open(new ShardId("db", "rp", 1));
        AtomicInteger compactions = new AtomicInteger();
        ShardStore counting = (ShardStore) Proxy.newProxyInstance(ShardStore.class.getClassLoader(),
                new Class<?>[] {ShardStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("compact")) {
                        compactions.incrementAndGet();
                    }
                    return method.invoke(store, args);
                });
        ShardEngine real0 = engine;
        ShardEngine spied = (ShardEngine) Proxy.newProxyInstance(ShardEngine.class.getClassLoader(),
                new Class<?>[] {ShardEngine.class}, (proxy, method, args) -> method.getName().equals("get")
                        ? Optional.of(counting) : method.invoke(real0, args));
        Config c = Config.defaults(DataNodeConfig.DEFINITION);
        ShardMaintenance m = new ShardMaintenance(ShardPrecreationConfig.from(c), RetentionConfig.from(c), () -> null,
                view::get, spied, handoff, Duration.ofHours(4), clock);
        store.write(List.of(Point.builder("cpu").floatField("v", 1).timestamp(10).build()), 1);
        m.compactColdShards();
        assertThat(compactions).hasValue(0);
        clock.advance(Duration.ofHours(5));
        m.compactColdShards();
        m.compactColdShards();
        assertThat(compactions).hasValue(1);
        store.write(List.of(Point.builder("cpu").floatField("v", 2).timestamp(20).build()), 2);
        m.compactColdShards();
        assertThat(compactions).hasValue(1);
        clock.advance(Duration.ofHours(5));
        m.compactColdShards();
        assertThat(compactions).hasValue(2);
        assertThat(real).isNotNull();
    }
}
