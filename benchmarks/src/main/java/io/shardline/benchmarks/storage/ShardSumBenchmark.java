package io.shardline.benchmarks.storage;

import io.shardline.common.time.Clock;
import io.shardline.model.SeriesKey;
import io.shardline.storage.FieldBlockCursor;
import io.shardline.storage.FieldScanRequest;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.TimeRange;
import io.shardline.storage.rocks.RocksShardEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * Full-shard {@code sum(usage_user)} in values per second through the aggregate fast path
 * ({@link FieldBlockCursor}), one thread, over a shard of 10 million values (2 million of the summed
 * field), either as written (one segment per batch) or after {@code compact()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ShardSumBenchmark {

    static final int BATCHES = 400;
    static final int SUMMED = BATCHES * CpuData.LINES;

    @Param({"true", "false"})
    public boolean compacted;

    private Path dir;
    private RocksShardEngine engine;
    private ShardStore store;
    private List<SeriesKey> series;

    @Setup(Level.Trial)
    public void load() throws IOException {
        dir = Files.createTempDirectory("shardline-sum-bench");
        engine = new RocksShardEngine(BenchConfigs.storage(dir, Duration.ofMillis(100)), Clock.system());
        engine.start();
        store = engine.open(new ShardId("bench", "autogen", 1));
        CpuData data = new CpuData(7, false);
        for (int b = 0; b < BATCHES; b++) {
            store.write(data.batch(b), (1L << 40) + b);
        }
        if (compacted) {
            store.compact();
        }
        series = store.series("cpu", TagPredicate.all());
        if (sum() == 0) {
            throw new IllegalStateException("nothing to sum");
        }
    }

    @Benchmark
    @OperationsPerInvocation(SUMMED)
    public double sum() {
        double sum = 0;
        long n = 0;
        try (FieldBlockCursor c = store.scanField(new FieldScanRequest("cpu", series, "usage_user", TimeRange.ALL))) {
            while (c.next()) {
                double[] v = c.floats();
                for (int i = 0, size = c.size(); i < size; i++) {
                    sum += v[i];
                }
                n += c.size();
            }
        }
        if (n != SUMMED) {
            throw new IllegalStateException("summed " + n + " values, expected " + SUMMED);
        }
        return sum;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        engine.close();
        ShardWriteBenchmark.deleteTree(dir);
    }
}
