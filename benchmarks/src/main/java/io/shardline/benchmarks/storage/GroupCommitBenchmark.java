package io.shardline.benchmarks.storage;

import io.shardline.common.time.Clock;
import io.shardline.model.Point;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import io.shardline.storage.rocks.RocksShardEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Small acknowledged writes to one RocksDB shard with every write synced ({@code wal-fsync-delay = 0}):
 * points per second with one writer ({@code oneWriter}) and with eight concurrent writers
 * ({@code eightWriters}). The shard's group commit lets concurrent writers share a log sync, so the second
 * should exceed the first by far more than the lock-bound write work allows alone; compare the two within one
 * run. Runs: {@code java -jar benchmarks/target/benchmarks.jar storage.GroupCommit -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class GroupCommitBenchmark {

    private static final long T0 = 1_700_000_000_000_000_000L;

    /** Points per write, one per series. */
    static final int BATCH = 10;

    private Path dir;
    private RocksShardEngine engine;
    private ShardStore store;
    private final AtomicLong version = new AtomicLong(1L << 40);
    private final AtomicLong step = new AtomicLong();

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("shardline-group-commit-bench");
        engine = new RocksShardEngine(BenchConfigs.storage(dir, Duration.ZERO), Clock.system());
        engine.start();
        store = engine.open(new ShardId("bench", "autogen", 1));
    }

    private int writeOne() {
        long s = step.incrementAndGet();
        List<Point> points = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            points.add(SeriesIndexBenchmark.point(i, (int) s));
        }
        return store.write(points, version.incrementAndGet()).stored();
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public int oneWriter() {
        return writeOne();
    }

    @Benchmark
    @Threads(8)
    @OperationsPerInvocation(BATCH)
    public int eightWriters() {
        return writeOne();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        engine.close();
        ShardWriteBenchmark.deleteTree(dir);
    }
}
