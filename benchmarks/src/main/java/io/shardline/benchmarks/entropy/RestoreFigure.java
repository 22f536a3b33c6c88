package io.shardline.benchmarks.entropy;

import io.shardline.meta.model.ShardLocation;
import io.shardline.model.Hlc;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import io.shardline.testkit.DataNodeSlot;
import io.shardline.testkit.ShardlineCluster;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Time to restore a missing shard: an in-JVM cluster (1 meta, 2 data nodes, RF 2, anti-entropy every
 * second); one owner's shard is filled to {@code size} MB on disk, the other owner is stopped, its
 * copy of the shard deleted (data and WAL directories), and started again; anti-entropy notices the
 * missing shard and the copy-shard engine pulls it (snapshot files over gRPC, checksums, catch-up).
 * Prints the time from the restarted node being registered to the shard being whole there.
 * {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar io.shardline.benchmarks.entropy.RestoreFigure 1024}
 */
public final class RestoreFigure {

    private RestoreFigure() {
    }

    public static void main(String[] args) throws Exception {
        long targetBytes = (args.length > 0 ? Long.parseLong(args[0]) : 1024) << 20;
        try (ShardlineCluster cluster = ShardlineCluster.start(1, 2, Map.of("anti-entropy.check-interval", "\"1s\"",
                "anti-entropy.settle-window", "\"1s\"", "data.cache-max-memory-size", "\"256m\"",
                "data.wal-fsync-delay", "\"100ms\""))) {
            DataNodeSlot source = cluster.data(0);
            DataNodeSlot target = cluster.data(1);
            cluster.query(source, "", "CREATE DATABASE bench WITH REPLICATION 2");
            cluster.write(source, "bench", "all", "cpu,host=seed usage=1 " + BenchData.START + "\n");
            cluster.awaitViewsConverged();
            ShardLocation location = source.node().membership().view().shards().ownedBy(source.nodeId()).get(0);
            ShardId id = new ShardId("bench", location.retentionPolicy(), location.shardId());
            ShardStore store = source.node().engine().get(id).orElseThrow();
            BenchData data = new BenchData(1_000, 7);
            long t0 = System.nanoTime();
            long v = Hlc.minVersionAt(System.currentTimeMillis() - 10_000);
            int k = 0;
            while (store.sizeBytes() < targetBytes) {
                for (int i = 0; i < 50; i++, k++) {
                    store.write(data.batch(k), v + k);
                }
            }
            long points = store.stats().pointCount();
            System.out.printf("filled shard %d: %,d points, %,d bytes on disk in %.0f s%n", id.id(), points,
                    store.sizeBytes(), (System.nanoTime() - t0) / 1e9);
            target.stop();
            Path root = target.directory();
            EntropyFigures.delete(id.under(root.resolve("data")));
            EntropyFigures.delete(id.under(root.resolve("wal")));
            cluster.restart(target);
            t0 = System.nanoTime();
            while (true) {
                Optional<ShardStore> copy = target.node().engine().get(id);
                if (copy.isPresent() && copy.get().stats().pointCount() == points) {
                    break;
                }
                LockSupport.parkNanos(100_000_000L);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("missing shard of %,d bytes restored in %.1f s (%.0f MB/s), anti-entropy copies=%s%n",
                    store.sizeBytes(), seconds, store.sizeBytes() / 1e6 / seconds,
                    cluster.get(target, "/debug/vars").body().replaceAll("(?s).*\"copies\":(\\d+).*", "$1"));
        }
    }
}
