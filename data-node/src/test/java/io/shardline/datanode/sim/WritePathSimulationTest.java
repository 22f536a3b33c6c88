package io.shardline.datanode.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.config.data.HintedHandoffConfig;
import io.shardline.datanode.handoff.HintedHandoff;
import io.shardline.datanode.write.ConsistencyLevel;
import io.shardline.datanode.write.PointsWriter;
import io.shardline.datanode.write.WriteTopology;
import io.shardline.datanode.write.WritesInFlight;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.model.Hlc;
import io.shardline.model.Point;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded simulation of the write path: four data nodes (two shards, RF 2), real hinted-handoff
 * queues on disk, a fake network whose links are cut and healed at random. Invariants: a queue
 * never exceeds max-size (checked after every step), and once the network heals and hinted
 * handoff drains, every acknowledged point is on every owner of its shard.
 */
class WritePathSimulationTest {

    private static final List<Long> NODES = List.of(4L, 5L, 6L, 7L);
    private static final ConsistencyLevel[] LEVELS = ConsistencyLevel.values();

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<HintedHandoff> handoffs = new ArrayList<>();

    @AfterEach
    void close() {
        handoffs.forEach(HintedHandoff::close);
        executor.shutdownNow();
    }

    private static ClusterMetadata metadata() {
        ShardGroupInfo group = new ShardGroupInfo(1, 0, Long.MAX_VALUE, 0, 0,
                List.of(new ShardInfo(1, List.of(4L, 5L)), new ShardInfo(2, List.of(6L, 7L))));
        RetentionPolicyInfo rp = RetentionPolicyInfo.of("autogen", 0, 604_800_000_000_000L, 2).withShardGroup(group);
        DatabaseInfo db = DatabaseInfo.empty("db").withRetentionPolicy(rp).withDefaultRetentionPolicy("autogen");
        List<NodeInfo> data = NODES.stream().map(n -> new NodeInfo(n, "n" + n + ":8088", "n" + n + ":8086")).toList();
        return new ClusterMetadata(List.of(), data, new TreeMap<>(Map.of("db", db)), 7, 1, 2, 1);
    }

    private Map<Long, PointsWriter> cluster(SimNetwork net, Map<Long, SimStore> stores, long maxSize) {
        ClusterMetadata meta = metadata();
        Map<Long, PointsWriter> writers = new TreeMap<>();
        for (long n : NODES) {
            SimStore store = new SimStore();
            stores.put(n, store);
            net.add(n, store);
            HintedHandoffConfig hh = new HintedHandoffConfig(true, dir.resolve("hh-" + n), maxSize, Duration.ofHours(1),
                    4, 0, Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofHours(1), 64 * 1024, 1024);
            HintedHandoff handoff = new HintedHandoff(hh, Clock.system(), net.from(n), (node, shard) -> true,
                    new StatsRegistry(), 2_000);
            handoff.start();
            handoffs.add(handoff);
            WriteTopology topology = new WriteTopology() {
                public long localNodeId() {
                    return n;
                }

                public ClusterMetadata metadata() {
                    return meta;
                }

                public ClusterMetadata createShardGroup(String database, String rp, long timestamp) {
                    throw new AssertionError("the group covers all time");
                }
            };
            writers.put(n, new PointsWriter(topology, store, net.from(n), handoff, new Hlc(Clock.system()),
                    Clock.system(), Duration.ofSeconds(5), false, executor, new WritesInFlight(), new StatsRegistry()));
        }
        return writers;
    }

    private static List<Point> batch(Random rnd, int[] seq) {
        List<Point> points = new ArrayList<>();
        int n = 1 + rnd.nextInt(20);
        for (int i = 0; i < n; i++) {
            int s = seq[0]++;
            points.add(Point.builder("cpu").tag("host", "h" + rnd.nextInt(50)).floatField("v", s)
                    .timestamp(1_000_000_000L + s).build());
        }
        return points;
    }

    private void randomFault(Random rnd, SimNetwork net) {
        long a = NODES.get(rnd.nextInt(NODES.size()));
        long b = NODES.get(rnd.nextInt(NODES.size()));
        if (a == b) {
            return;
        }
        if (rnd.nextBoolean()) {
            net.cut(a, b);
        } else {
            net.heal(a, b);
        }
    }

    @Test
    void everyAcknowledgedWriteReachesEveryOwnerOnceHandoffDrains() {
        long seed = Long.getLong("sim.seed", 20261206L);
        System.out.println("WritePathSimulationTest seed=" + seed);
        Random rnd = new Random(seed);
        SimNetwork net = new SimNetwork(executor);
        Map<Long, SimStore> stores = new TreeMap<>();
        Map<Long, PointsWriter> writers = cluster(net, stores, 64L << 20);
        List<Point> acknowledged = new ArrayList<>();
        int[] seq = {0};
        for (int step = 0; step < 300; step++) {
            if (rnd.nextInt(10) < 3) {
                randomFault(rnd, net);
                continue;
            }
            List<Point> points = batch(rnd, seq);
            long coordinator = NODES.get(rnd.nextInt(NODES.size()));
            ConsistencyLevel level = LEVELS[rnd.nextInt(LEVELS.length)];
            try {
                writers.get(coordinator).write("db", "", level, points);
                acknowledged.addAll(points);
            } catch (ShardlineException e) {
                assertThat(e.code()).as("seed %d: %s", seed, e.getMessage())
                        .isIn(ErrorCode.WRITE_FAILED, ErrorCode.QUEUE_FULL);
            }
        }
        net.healAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> handoffs.stream().allMatch(h -> h.queuedBytes() == 0));
        ShardGroupInfo group = metadata().shardGroupAt("db", "autogen", 1_000_000_000L).orElseThrow();
        for (Point p : acknowledged) {
            ShardInfo shard = group.shardFor(p.series().fnv64a());
            for (long owner : shard.owners()) {
                assertThat(stores.get(owner).has(shard.id(), p)).as("seed %d: %s on node %d", seed, p, owner).isTrue();
            }
        }
        assertThat(acknowledged).as("seed %d: some writes were acknowledged", seed).isNotEmpty();
    }

    @Test
    void aQueueNeverExceedsMaxSize() {
        long seed = Long.getLong("sim.seed", 20261206L);
        System.out.println("WritePathSimulationTest.aQueueNeverExceedsMaxSize seed=" + seed);
        Random rnd = new Random(seed);
        SimNetwork net = new SimNetwork(executor);
        long maxSize = 4_096;
        Map<Long, PointsWriter> writers = cluster(net, new TreeMap<>(), maxSize);
        net.cut(4, 5);
        net.cut(6, 7);
        net.cut(4, 6);
        net.cut(4, 7);
        net.cut(5, 6);
        int[] seq = {0};
        int queueFull = 0;
        for (int step = 0; step < 200; step++) {
            long coordinator = NODES.get(rnd.nextInt(NODES.size()));
            try {
                writers.get(coordinator).write("db", "", ConsistencyLevel.ANY, batch(rnd, seq));
            } catch (ShardlineException e) {
                if (e.getMessage().contains("queue is full")) {
                    queueFull++;
                }
            }
            for (HintedHandoff h : handoffs) {
                for (long n : NODES) {
                    assertThat(h.queuedBytes(n)).as("seed %d step %d node %d", seed, step, n).isLessThanOrEqualTo(maxSize);
                }
            }
        }
        assertThat(queueFull).as("seed %d: the outage outlasted the queues", seed).isPositive();
    }
}
