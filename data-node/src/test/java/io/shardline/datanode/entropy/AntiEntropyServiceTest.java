package io.shardline.datanode.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.model.Point;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.ShardId;
import io.shardline.storage.memory.InMemoryShardEngine;
import io.shardline.storage.patch.Patch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver never piles passes up: a tick while a pass runs is skipped and counted. */
class AntiEntropyServiceTest {

    @TempDir
    Path dir;

    @Test
    void aTickWhileAPassRunsIsSkippedAndCounted() throws Exception {
        long now = System.currentTimeMillis() * 1_000_000L;
        long hour = 3_600_000_000_000L;
        ShardGroupInfo group = new ShardGroupInfo(1, now - hour, now + hour, 0, 0, List.of(new ShardInfo(1,
                List.of(4L, 5L))));
        DatabaseInfo db = DatabaseInfo.empty("db").withRetentionPolicy(RetentionPolicyInfo.of("rp", 0, hour, 2)
                .withShardGroup(group)).withDefaultRetentionPolicy("rp");
        ClusterView view = ClusterView.of(new ClusterMetadata(List.of(), List.of(new NodeInfo(4, "a:1", "a:2"),
                new NodeInfo(5, "b:1", "b:2")), new TreeMap<>(Map.of("db", db)), 5, 1, 1, 1));
        InMemoryShardEngine engine = new InMemoryShardEngine(StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION)),
                Clock.system());
        engine.start();
        engine.open(new ShardId("db", "rp", 1)).write(List.of(Point.builder("cpu").floatField("v", 1).timestamp(now)
                .build()), 1);
        CountDownLatch inPass = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EntropyPeers blocking = new EntropyPeers() {
            public ReplicaInfo shardInfo(long n, long s, boolean r, long c) {
                inPass.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new ShardlineException(ErrorCode.UNAVAILABLE, "peer down");
            }

            public byte[] digest(long n, long s, long c) {
                throw new UnsupportedOperationException();
            }

            public byte[] rowDigest(long n, long s, byte[] r, long c, long res) {
                throw new UnsupportedOperationException();
            }

            public byte[] presence(long n, long s, byte[] r, long c, long b) {
                throw new UnsupportedOperationException();
            }

            public ApplyOutcome applyPatch(long n, long s, Patch p, List<Long> v, boolean l, RepairHint h) {
                throw new UnsupportedOperationException();
            }

            public long repair(long n, long s, boolean f) {
                throw new UnsupportedOperationException();
            }

            public void cancelRepair(long n, long s) {
            }

            public EntropyReport status(long n) {
                throw new UnsupportedOperationException();
            }
        };
        StatsRegistry registry = new StatsRegistry();
        EntropyStats stats = new EntropyStats(registry);
        var config = new io.shardline.config.data.AntiEntropyConfig(true, Duration.ofHours(1), 2, 1, true, false,
                Duration.ofSeconds(10), 1 << 20);
        EntropyNode node = new EntropyNode(config, engine, () -> view, () -> 4L, blocking, null, () -> null,
                Clock.system(), stats, dir);
        try (AntiEntropyService service = new AntiEntropyService(config, node, stats)) {
            service.start();
            assertThat(service.tick()).isTrue();
            assertThat(inPass.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(service.tick()).isFalse();
            assertThat(service.tick()).isFalse();
            assertThat(stats.value("passSkips")).isEqualTo(2);
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> !service.passRunning());
            assertThat(service.tick()).isTrue();
            assertThat(registry.toDebugVarsJson()).contains("\"ae\": {\"name\":\"ae\"", "\"jobs\":0", "\"jobsActive\":0",
                    "\"bytesRx\":0", "\"bytesTx\":0", "\"bytesDiff\":0", "\"checks\":0", "\"skips\":0", "\"repairs\":0",
                    "\"copies\":0", "\"errors\":0");
        }
    }
}
