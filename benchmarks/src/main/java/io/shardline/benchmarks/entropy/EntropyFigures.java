package io.shardline.benchmarks.entropy;

import io.shardline.datanode.entropy.EntropyPass;
import io.shardline.model.Hlc;
import io.shardline.model.Point;
import io.shardline.storage.ShardStore;
import io.shardline.storage.digest.Digest;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * One-shot anti-entropy figures (docs/benchmarks.md), two data nodes in this JVM talking real gRPC
 * on loopback over RocksDB shards:
 * <ul>
 *   <li>{@code rest}: CPU of a pass over 100 unchanged shards per node, as a share of one core at a
 *       30 s check interval;</li>
 *   <li>{@code repair}: a 10-million-value shard whose replica misses 1% of the points, at random
 *       ({@code scattered}, the default) or one contiguous 1% of the time range ({@code outage}, as a
 *       node down for a while): time to detect (two comparisons) and repair, bytes sent against the
 *       bytes of the differing values.</li>
 * </ul>
 * {@code java -cp benchmarks/target/benchmarks.jar io.shardline.benchmarks.entropy.EntropyFigures
 * rest|repair [batches] [scattered|outage]}
 */
public final class EntropyFigures {

    private EntropyFigures() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "all" : args[0];
        if (what.equals("rest") || what.equals("all")) {
            rest();
        }
        if (what.equals("repair") || what.equals("all")) {
            repair(args.length > 1 ? Integer.parseInt(args[1]) : 400, args.length > 2 && args[2].equals("outage"));
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void rest() throws Exception {
        Path dir = Files.createTempDirectory("shardline-ae-rest");
        int shards = 100;
        try (BenchCluster c = new BenchCluster(dir, shards, BenchNode.config(Duration.ZERO))) {
            BenchData data = new BenchData(50, 1);
            long v = Hlc.minVersionAt(System.currentTimeMillis());
            for (long s = 1; s <= shards; s++) {
                List<Point> batch = data.batch((int) s);
                BenchCluster.store(c.a, s).write(batch, v);
                BenchCluster.store(c.b, s).write(batch, v);
            }
            long t0 = System.nanoTime();
            c.a.ae.runPass(BenchCluster.DIRECT);
            c.b.ae.runPass(BenchCluster.DIRECT);
            double firstMs = (System.nanoTime() - t0) / 1e6;
            for (int i = 0; i < 5; i++) { // warm up
                c.a.ae.runPass(BenchCluster.DIRECT);
            }
            int passes = 50;
            long cpu0 = cpuNanos();
            t0 = System.nanoTime();
            EntropyPass.Report r = null;
            for (int i = 0; i < passes; i++) {
                r = c.a.ae.runPass(BenchCluster.DIRECT);
            }
            double wallMs = (System.nanoTime() - t0) / 1e6 / passes;
            double cpuMs = (cpuNanos() - cpu0) / 1e6 / passes;
            System.out.printf("at rest: %d shards x %d values per node; first passes (digests built) %.0f ms for both"
                            + " nodes; then per pass: wall %.1f ms, CPU %.1f ms (both nodes' sides of %d RPCs),"
                            + " = %.3f%% of one core at a 30 s interval; report %s; digests fetched %d%n",
                    shards, BenchCluster.store(c.a, 1).stats().valueCount(), firstMs, wallMs, cpuMs, shards,
                    cpuMs / 30_000 * 100, r, c.a.stats.value("digests"));
        } finally {
            delete(dir);
        }
    }

    private static void repair(int batches, boolean outage) throws Exception {
        Path dir = Files.createTempDirectory("shardline-ae-repair");
        try (BenchCluster c = new BenchCluster(dir, 1, BenchNode.config(Duration.ZERO))) {
            ShardStore full = BenchCluster.store(c.a, 1);
            ShardStore partial = BenchCluster.store(c.b, 1);
            BenchData data = new BenchData(1_000, 5);
            Random rnd = new Random(99);
            long missingValues = 0;
            long v = Hlc.minVersionAt(System.currentTimeMillis() - 60_000);
            int lostFrom = batches / 2;
            int lostTo = lostFrom + Math.max(1, batches / 100);
            for (int k = 0; k < batches; k++) {
                List<Point> batch = data.batch(k);
                List<Point> some = new ArrayList<>(batch.size());
                for (Point p : batch) {
                    if (outage ? k >= lostFrom && k < lostTo : rnd.nextInt(100) == 0) {
                        missingValues += p.fieldCount();
                    } else {
                        some.add(p);
                    }
                }
                full.write(batch, v + k);
                partial.write(some, v + k);
            }
            full.compact();
            partial.compact();
            long values = full.stats().valueCount();
            long t0 = System.nanoTime();
            EntropyPass.Report first = c.a.ae.runPass(BenchCluster.DIRECT);
            double firstMs = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            EntropyPass.Report second = c.a.ae.runPass(BenchCluster.DIRECT);
            double secondMs = (System.nanoTime() - t0) / 1e6;
            long detectTx = c.a.stats.value("bytesTx") + c.b.stats.value("bytesTx");
            t0 = System.nanoTime();
            long firstOwner = c.a.ae.repair(1, false);
            int steps = 0;
            for (int round = 0; round < 10; round++) {
                int ran = c.a.drain() + c.b.drain();
                steps += ran;
                if (ran == 0) {
                    break;
                }
            }
            double repairMs = (System.nanoTime() - t0) / 1e6;
            boolean equal = full.digest(Digest.NO_CUTOFF).equals(partial.digest(Digest.NO_CUTOFF));
            long diffBytes = missingValues * 8;
            long patchA = c.a.stats.value("patchBytesTx");
            long patchB = c.b.stats.value("patchBytesTx");
            long txA = c.a.stats.value("bytesTx");
            long txB = c.b.stats.value("bytesTx");
            System.out.printf("repair of a 1%% difference (%s): shard of %,d values, replica missing %,d values (%,d bytes at 8"
                            + " bytes/value)%n  detection: comparison 1 %.0f ms (%s), comparison 2 %.0f ms (%s)%n"
                            + "  repair (first owner %d, %d chain steps): %.0f ms, equal after=%s%n"
                            + "  patches sent: %,d bytes = %.2fx the differing values' bytes (bytesDiff counter %,d);"
                            + " all anti-entropy bytes sent (digests, presence sets, row digests, ranges, hints, patches): node A %,d, node B %,d"
                            + " = %.2fx, of which the detection passes %,d and the repair %,d = %.2fx%n", outage ? "one contiguous 1% of the time range" : "1% of the points at random",
                    values, missingValues, diffBytes, firstMs, first, secondMs, second, firstOwner,
                    steps, repairMs, equal, patchA + patchB, (patchA + patchB) / (double) diffBytes,
                    c.a.stats.value("bytesDiff") + c.b.stats.value("bytesDiff"), txA, txB,
                    (txA + txB) / (double) diffBytes, detectTx, txA + txB - detectTx,
                    (txA + txB - detectTx) / (double) diffBytes);
        } finally {
            delete(dir);
        }
    }

    static void delete(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
