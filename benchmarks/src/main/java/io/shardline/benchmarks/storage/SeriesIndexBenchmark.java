package io.shardline.benchmarks.storage;

import io.shardline.common.time.Clock;
import io.shardline.model.Point;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.rocks.RocksShardEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The series index of one RocksDB shard holding {@code series} series (1 M by default; the setup
 * writes them first, one point each, in 5,000-line batches): series created per second by batches
 * of 5,000 new series ({@code createSeries}), points per second of 5,000-line batches over random
 * existing series ({@code writeExistingSeries}: the write path's batched lookups, mostly cache
 * misses at 1 M series with the default 128 MB series caches), and {@code SHOW SERIES WHERE
 * host = ...} lookups per second ({@code seriesByTag}: the read path's tag index). Default storage
 * configuration but the series limits (below), log synced in the background (100 ms). Runs:
 * {@code java -jar benchmarks/target/benchmarks.jar storage.SeriesIndex -wi 1 -i 3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SeriesIndexBenchmark {

    static final int BATCH = 5_000;
    private static final long T0 = 1_700_000_000_000_000_000L;

    @Param({"1000000"})
    public int series;

    /**
     * {@code max-values-per-tag} of the shard: 0 (off, as {@code scripts/bench/cardinality.sh} runs) or e.g.
     * 100000 (the default, which costs a tag-value lookup per new series; with one host per series it then
     * refuses every series past 100,000 hosts, so use it with {@code -p series=50000}).
     * {@code max-series-per-database} is off: 1.x's default of 1 M would refuse every new series here.
     */
    @Param({"0"})
    public long maxValuesPerTag;

    private Path dir;
    private RocksShardEngine engine;
    private ShardStore store;
    private final SplittableRandom random = new SplittableRandom(42);
    private int nextNew;
    private long version = 1L << 40;
    private List<Point> newBatch;
    private List<Point> existingBatch;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("shardline-series-bench");
        engine = new RocksShardEngine(BenchConfigs.storage(dir, Duration.ofMillis(100), 0, maxValuesPerTag),
                Clock.system());
        engine.start();
        store = engine.open(new ShardId("bench", "autogen", 1));
        for (int from = 0; from < series; from += BATCH) {
            List<Point> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(series, from + BATCH); i++) {
                batch.add(point(i, 0));
            }
            store.write(batch, version++);
        }
        nextNew = series;
    }

    /** The point of series {@code host} at {@code T0 + step} seconds. */
    static Point point(int host, int step) {
        return Point.builder("cpu").tag("host", "host-" + host).tag("region", "region-" + host % 8)
                .floatField("usage", host % 100).timestamp(T0 + step * 1_000_000_000L).build();
    }

    @Setup(Level.Invocation)
    public void nextBatches() {
        newBatch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            newBatch.add(point(nextNew++, 0));
        }
        existingBatch = new ArrayList<>(BATCH);
        int step = (int) (version & 0xffff) + 1;
        for (int i = 0; i < BATCH; i++) {
            existingBatch.add(point(random.nextInt(series), step));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int createSeries() {
        return store.write(newBatch, version++).stored();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int writeExistingSeries() {
        return store.write(existingBatch, version++).stored();
    }

    @Benchmark
    public int seriesByTag() {
        String host = "host-" + random.nextInt(series);
        return store.series("cpu", new TagPredicate.Compare("host", host, false)).size();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        engine.close();
        ShardWriteBenchmark.deleteTree(dir);
    }
}
