package io.shardline.benchmarks.query;

import io.shardline.common.time.Clock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.datanode.query.StoreShardReader;
import io.shardline.model.Precision;
import io.shardline.model.lp.LineProtocolParser;
import io.shardline.model.lp.ParseResult;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.exec.AggregateAssembler;
import io.shardline.query.exec.ShardSelectExecutor;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.plan.MeasurementSchema;
import io.shardline.query.plan.SelectCompiler;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.result.EpochFormat;
import io.shardline.query.result.JsonFormatter;
import io.shardline.query.result.Result;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.rocks.RocksShardEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The owner's and coordinator's work for the three benchmark queries, without HTTP or the network: compile,
 * run on one RocksDB shard through {@link StoreShardReader} (the aggregate block path), merge, fill and format.
 * The shard holds the {@code shardline bench write -points 2000000} data set (1,000 series of {@code cpu},
 * 5 fields, one point per series every 10 s), as written or compacted. One thread; milliseconds per query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class QueryBenchmark {

    static final int SERIES = 1_000;
    static final long POINTS = 2_000_000;
    static final long STEP = 10_000_000_000L;
    /** The end of the data set (exclusive) and the queries' now(): 2024-01-02T00:00:00Z. */
    static final long END = 1_704_153_600_000_000_000L;

    static final Map<String, String> QUERIES = Map.of(
            "count", "SELECT count(usage_idle) FROM cpu",
            "mean-1h", "SELECT mean(usage_idle) FROM cpu WHERE time >= now() - 24h GROUP BY time(1h)",
            "max-host-1m", "SELECT max(usage_user) FROM cpu WHERE host = 'server-00042' AND time >= now() - 24h"
                    + " GROUP BY time(1m)");

    @Param({"count", "mean-1h", "max-host-1m"})
    public String query;

    @Param({"true", "false"})
    public boolean compacted;

    private Path dir;
    private RocksShardEngine engine;
    private ShardStore store;
    private SelectStatement statement;
    private MeasurementSchema schema;

    @Setup(Level.Trial)
    public void load() throws IOException {
        dir = Files.createTempDirectory("shardline-query-bench");
        engine = openEngine(dir);
        store = loadDataSet(engine, compacted);
        statement = (SelectStatement) InfluxQLParser.parseQuery(QUERIES.get(query)).statements().get(0);
        schema = cpuSchema(store);
        if (!run().contains("\"values\"")) {
            throw new IllegalStateException("no answer: " + run());
        }
    }

    @Benchmark
    public String run() {
        SelectPlan plan = SelectCompiler.compile(statement, END, List.of(schema));
        var partials = ShardSelectExecutor.execute(plan, new StoreShardReader(store)).partials();
        var series = new AggregateAssembler(plan).add(partials).series();
        return JsonFormatter.response(List.of(Result.of(0, series)), EpochFormat.RFC3339, false);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        engine.close();
        deleteTree(dir);
    }

    /**
     * A shard of {@code engine} holding the {@code shardline bench write -points 2000000} data set (1,000 series of
     * {@code cpu}, 5 fields, one point per series every 10 s, ending at {@link #END}), written in 5,000-line
     * batches and then compacted or not.
     */
    static ShardStore loadDataSet(RocksShardEngine engine, boolean compacted) {
        ShardStore store = engine.open(new ShardId("bench", "autogen", 1));
        Random rnd = new Random(1);
        long rounds = POINTS / SERIES;
        long start = END - rounds * STEP;
        StringBuilder b = new StringBuilder();
        for (long i = 0; i < POINTS; i++) {
            int s = (int) (i % SERIES);
            b.append(String.format("cpu,dc=dc-%d,host=server-%05d,region=r%d ", s % 7, s, s % 4))
                    .append("usage_user=").append(Math.round(rnd.nextDouble() * 10_000) / 100.0)
                    .append(",usage_system=").append(Math.round(rnd.nextDouble() * 10_000) / 100.0)
                    .append(",usage_idle=").append(Math.round(rnd.nextDouble() * 10_000) / 100.0)
                    .append(",usage_iowait=").append(Math.round(rnd.nextDouble() * 10_000) / 100.0)
                    .append(",usage_count=").append(rnd.nextInt(1_000)).append("i ")
                    .append(start + (i / SERIES) * STEP).append('\n');
            if ((i + 1) % 5_000 == 0) {
                ParseResult parsed = new LineProtocolParser().parse(b.toString().getBytes(StandardCharsets.UTF_8),
                        Precision.NANOSECONDS, END);
                store.write(parsed.points(), (1L << 40) + i);
                b.setLength(0);
            }
        }
        if (compacted) {
            store.compact();
        }
        return store;
    }

    /** The schema of {@code cpu} in {@code store}. */
    static MeasurementSchema cpuSchema(ShardStore store) {
        return new MeasurementSchema("cpu", store.fieldTypes("cpu"),
                java.util.Set.copyOf(store.tagKeys("cpu", TagPredicate.all())));
    }

    /** A started engine with default settings under {@code dir}, the log synced in the background. */
    static RocksShardEngine openEngine(Path dir) {
        RocksShardEngine engine = new RocksShardEngine(StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION)
                .with(StorageConfig.DIR, dir.resolve("data").toString())
                .with(StorageConfig.WAL_DIR, dir.resolve("wal").toString())
                .with(StorageConfig.WAL_FSYNC_DELAY, Duration.ofMillis(100))), Clock.system());
        engine.start();
        return engine;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
