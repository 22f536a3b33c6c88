package io.shardline.benchmarks.storage;

import io.shardline.common.time.Clock;
import io.shardline.model.Point;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStats;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.DigestCodec;
import io.shardline.storage.digest.DigestDiff;
import io.shardline.storage.digest.DiffResult;
import io.shardline.storage.digest.RowDigest;
import io.shardline.storage.digest.RowDigestCodec;
import io.shardline.storage.patch.Patch;
import io.shardline.storage.rocks.RocksShardEngine;
import io.shardline.storage.rocks.RocksShardStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One-shot storage figures that are sizes or single timings rather than throughput: bytes per
 * stored value before and after compaction, digest build time and size for a 10-million-value
 * shard, and the patch size for a 1% difference against the bytes of the differing values. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.shardline.benchmarks.storage.StorageFigures}.
 */
public final class StorageFigures {

    private static final int BATCHES = 400;

    private StorageFigures() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("shardline-figures");
        RocksShardEngine engine = new RocksShardEngine(BenchConfigs.storage(dir, Duration.ofMillis(100)), Clock.system());
        engine.start();
        try {
            bytesPerValue(engine, false, 1);
            bytesPerValue(engine, true, 2);
            digestAndPatch(engine);
        } finally {
            engine.close();
            ShardWriteBenchmark.deleteTree(dir);
        }
    }

    private static void bytesPerValue(RocksShardEngine engine, boolean rounded, long id) {
        RocksShardStore s = (RocksShardStore) engine.open(new ShardId("bench", "autogen", id));
        CpuData data = new CpuData(11, rounded);
        long t0 = System.nanoTime();
        for (int b = 0; b < BATCHES; b++) {
            s.write(data.batch(b), (1L << 40) + b);
        }
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        ShardStats before = s.stats();
        t0 = System.nanoTime();
        s.compact();
        double compactSeconds = (System.nanoTime() - t0) / 1e9;
        ShardStats after = s.stats();
        java.util.Map<String, Long> usage = s.diskUsage();
        System.out.printf("values=%d floats=%s write=%.1fs (%.0f values/s) bytes/value as written=%.2f"
                        + " compact=%.1fs bytes/value compacted=%.2f (data blocks alone %.2f; bytes by part %s)%n",
                after.valueCount(),
                rounded ? "2-decimal" : "full-precision", writeSeconds, after.valueCount() / writeSeconds,
                (double) before.sizeBytes() / before.valueCount(), compactSeconds,
                (double) after.sizeBytes() / after.valueCount(), (double) usage.get("data") / after.valueCount(), usage);
        engine.drop(s.id());
    }

    private static void digestAndPatch(RocksShardEngine engine) {
        RocksShardStore a = (RocksShardStore) engine.open(new ShardId("bench", "autogen", 10));
        RocksShardStore b = (RocksShardStore) engine.open(new ShardId("bench", "autogen", 11));
        CpuData da = new CpuData(5, false);
        CpuData db = new CpuData(5, false);
        Random rnd = new Random(99);
        long missing = 0;
        for (int k = 0; k < BATCHES; k++) {
            List<Point> batch = da.batch(k);
            List<Point> partial = new ArrayList<>(batch.size());
            for (Point p : db.batch(k)) {
                if (rnd.nextInt(100) == 0) {
                    missing += p.fieldCount();
                } else {
                    partial.add(p);
                }
            }
            a.write(batch, (1L << 40) + k);
            b.write(partial, (1L << 40) + k);
        }
        a.compact();
        b.compact();
        a.dropDigestCache();
        long t0 = System.nanoTime();
        Digest digestA = a.digest(Digest.NO_CUTOFF);
        double full = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        a.digest(Digest.NO_CUTOFF);
        double cached = (System.nanoTime() - t0) / 1e6;
        a.write(da.batch(BATCHES), (1L << 40) + BATCHES);
        t0 = System.nanoTime();
        a.digest(Digest.NO_CUTOFF);
        double incremental = (System.nanoTime() - t0) / 1e6;
        System.out.printf("digest: values=%d full build=%.0f ms, unchanged=%.1f ms, after one 5,000-line batch=%.0f ms,"
                        + " encoded size=%d bytes (%d series)%n", digestA.values(), full, cached, incremental,
                DigestCodec.encode(digestA).length, digestA.series().size());
        patch(a, b, missing);
    }

    private static void patch(RocksShardStore a, RocksShardStore b, long missing) {
        // Compare only what both were given: the cut-off leaves out the extra batch written to a.
        long cutoff = (1L << 40) + BATCHES;
        long t0 = System.nanoTime();
        DiffResult diff = DigestDiff.diff(a.digest(cutoff), b.digest(cutoff));
        long slot = 3_600_000_000_000L / 64;
        RowDigest slotsA = a.rowDigest(diff.buckets(), cutoff, slot);
        RowDigest slotsB = b.rowDigest(diff.buckets(), cutoff, slot);
        List<SeriesRange> slots = DigestDiff.diffRows(slotsA, slotsB);
        RowDigest rowsA = a.rowDigest(slots, cutoff);
        RowDigest rowsB = b.rowDigest(slots, cutoff);
        List<SeriesRange> ranges = DigestDiff.diffRows(rowsA, rowsB);
        Patch patch = a.exportPatch(ranges);
        double millis = (System.nanoTime() - t0) / 1e6;
        RowDigest allRows = a.rowDigest(diff.buckets(), cutoff);
        b.applyPatch(patch);
        boolean equal = a.digest(cutoff).equals(b.digest(cutoff));
        System.out.printf("patch for a 1%% difference: differing values=%d (%d bytes at 8 bytes/value),"
                        + " differing buckets=%d; slot digests (56 s) %d bytes per side, differing slots=%d;"
                        + " row digests %d bytes per side (one level straight to rows: %d); ranges=%d;"
                        + " patch=%d bytes (%d values, %.2fx the differing values' bytes); diff+slots+rows+export=%.0f ms;"
                        + " equal after apply=%s%n",
                missing, missing * 8, diff.buckets().size(), RowDigestCodec.encode(slotsA).length, slots.size(),
                RowDigestCodec.encode(rowsA).length, RowDigestCodec.encode(allRows).length, ranges.size(),
                patch.sizeBytes(), patch.values(), patch.sizeBytes() / (missing * 8.0), millis, equal);
    }
}
