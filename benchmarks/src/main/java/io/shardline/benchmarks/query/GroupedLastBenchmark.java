package io.shardline.benchmarks.query;

import io.shardline.datanode.query.StoreShardReader;
import io.shardline.model.Precision;
import io.shardline.model.lp.LineProtocolParser;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.exec.AggregateAssembler;
import io.shardline.query.exec.ShardSelectExecutor;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.plan.MeasurementSchema;
import io.shardline.query.plan.SelectCompiler;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.result.Chunker;
import io.shardline.query.result.EpochFormat;
import io.shardline.query.result.JsonFormatter;
import io.shardline.query.result.ResponseBuilder;
import io.shardline.query.result.Result;
import io.shardline.query.result.Series;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.rocks.RocksShardEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * {@code SELECT last(usage_user) FROM cpu GROUP BY host} over {@code series} series of one point each (the
 * high-cardinality query shape of {@code scripts/bench/cardinality.sh}), without HTTP: {@code assemble} is the
 * owner's block aggregation plus the coordinator's {@link AggregateAssembler} (one output series per host),
 * {@code respond} is the non-chunked HTTP answer of that result (cut into 1.x's per-series pieces, merged back
 * by {@link ResponseBuilder}, formatted). Milliseconds per query; compare {@code -p series} sizes within one run
 * (the cost per series should stay flat). Runs:
 * {@code java -jar benchmarks/target/benchmarks.jar query.GroupedLast -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class GroupedLastBenchmark {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final String QUERY = "SELECT last(usage_user) FROM cpu GROUP BY host";

    @Param({"3000", "30000"})
    public int series;

    private Path dir;
    private RocksShardEngine engine;
    private ShardStore store;
    private SelectStatement statement;
    private MeasurementSchema schema;
    private List<Series> answer;

    @Setup(Level.Trial)
    public void load() throws IOException {
        dir = Files.createTempDirectory("shardline-grouped-last-bench");
        engine = QueryBenchmark.openEngine(dir);
        store = engine.open(new ShardId("bench", "autogen", 1));
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < series; s++) {
            b.append(String.format("cpu,dc=dc-%d,host=server-%06d,region=r%d usage_user=%d,usage_idle=%d %d%n",
                    s % 7, s, s % 4, s % 100, 100 - s % 100, T0 + s));
            if ((s + 1) % 5_000 == 0 || s == series - 1) {
                store.write(new LineProtocolParser().parse(b.toString().getBytes(StandardCharsets.UTF_8),
                        Precision.NANOSECONDS, T0).points(), (1L << 40) + s);
                b.setLength(0);
            }
        }
        statement = (SelectStatement) InfluxQLParser.parseQuery(QUERY).statements().get(0);
        schema = new MeasurementSchema("cpu", store.fieldTypes("cpu"),
                java.util.Set.copyOf(store.tagKeys("cpu", TagPredicate.all())));
        answer = assemble();
        if (answer.size() != series) {
            throw new IllegalStateException(answer.size() + " series, expected " + series);
        }
    }

    @Benchmark
    public List<Series> assemble() {
        SelectPlan plan = SelectCompiler.compile(statement, T0 + series, List.of(schema));
        var partials = ShardSelectExecutor.execute(plan, new StoreShardReader(store)).partials();
        return new AggregateAssembler(plan).add(partials).series();
    }

    @Benchmark
    public String respond() {
        ResponseBuilder builder = new ResponseBuilder(0);
        for (Result piece : Chunker.chunk(Result.of(0, answer), Chunker.DEFAULT_CHUNK_SIZE)) {
            builder.add(piece);
        }
        return JsonFormatter.response(builder.results(), EpochFormat.RFC3339, false);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        engine.close();
        QueryBenchmark.deleteTree(dir);
    }
}
