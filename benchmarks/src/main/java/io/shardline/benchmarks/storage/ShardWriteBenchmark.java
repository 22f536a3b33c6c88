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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Shard write throughput in field values per second on one thread: 5,000-line {@code cpu} batches
 * (25,000 values) into one RocksDB shard with the WAL on. {@code fsyncDelay=0s} syncs the log on
 * every write; {@code 100ms} acknowledges once the batch is in the log and syncs in the background.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ShardWriteBenchmark {

    @Param({"100ms", "0s"})
    public String fsyncDelay;

    private Path dir;
    private RocksShardEngine engine;
    private ShardStore store;
    private CpuData data;
    private List<Point> batch;
    private int next;
    private long version = 1L << 40;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("shardline-write-bench");
        Duration delay = "0s".equals(fsyncDelay) ? Duration.ZERO : Duration.ofMillis(100);
        engine = new RocksShardEngine(BenchConfigs.storage(dir, delay), Clock.system());
        engine.start();
        store = engine.open(new ShardId("bench", "autogen", 1));
        data = new CpuData(42, false);
    }

    @Setup(Level.Invocation)
    public void nextBatch() {
        batch = data.batch(next++);
    }

    @Benchmark
    @OperationsPerInvocation(CpuData.VALUES_PER_BATCH)
    public int writeBatch() {
        return store.write(batch, version++).stored();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        engine.close();
        deleteTree(dir);
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
