package io.shardline.benchmarks.meta;

import io.shardline.common.time.Clock;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.client.MetaClientSettings;
import io.shardline.testkit.MetaCluster;
import io.shardline.testkit.MetaNodeSlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Measures meta leader failover as a client sees it: a 3-node in-JVM meta cluster with the default
 * {@code [meta]} timeouts; each run stops the leader and times until the first metadata write through
 * a {@link MetaClient} succeeds, then restarts the old leader. Prints every run, the median and the max.
 * Not a JMH benchmark (one failover is one sample). Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.shardline.benchmarks.meta.LeaderFailoverBenchmark [runs]}
 */
public final class LeaderFailoverBenchmark {

    private LeaderFailoverBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Clock clock = Clock.system();
        List<Long> millis = new ArrayList<>();
        try (MetaCluster cluster = MetaCluster.start(3);
             MetaClient client = new MetaClient(MetaClientSettings.of(cluster.apiAddresses(), null).withWatch(false))
                     .start()) {
            client.changes().createDatabase("warmup", Optional.empty(), true);
            for (int run = 1; run <= runs; run++) {
                MetaNodeSlot leader = cluster.awaitLeader();
                long start = clock.monotonicNanos();
                leader.stop();
                client.changes().createDatabase("failover" + run, Optional.empty(), true);
                long took = (clock.monotonicNanos() - start) / 1_000_000;
                millis.add(took);
                System.out.printf("run %2d: leader %s stopped, first write after %d ms%n", run, leader.name(), took);
                leader.start(clock);
                cluster.awaitRegistered(3);
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        long median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf("leader failover over %d runs: median %d ms, max %d ms, min %d ms%n", sorted.size(), median,
                sorted.get(sorted.size() - 1), sorted.get(0));
    }
}
