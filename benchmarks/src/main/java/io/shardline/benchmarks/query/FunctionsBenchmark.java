package io.shardline.benchmarks.query;

import io.shardline.datanode.query.StoreShardReader;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.exec.AggregateAssembler;
import io.shardline.query.exec.ShardSelectExecutor;
import io.shardline.query.exec.SubqueryExecutor;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.plan.MeasurementSchema;
import io.shardline.query.plan.SelectCompiler;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.result.EpochFormat;
import io.shardline.query.result.JsonFormatter;
import io.shardline.query.result.Result;
import io.shardline.query.result.Series;
import io.shardline.storage.ShardStore;
import io.shardline.storage.rocks.RocksShardEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * The four queries of the InfluxQL functions benchmark ({@code scripts/bench/functions.sh}) without HTTP or the
 * network: compile, run on one compacted RocksDB shard holding {@link QueryBenchmark}'s data set through
 * {@link StoreShardReader}, merge, and format to JSON; a subquery's inner statements run the same way and feed
 * {@link SubqueryExecutor}, as the coordinator does. One thread; milliseconds per query. Runs:
 * {@code java -jar benchmarks/target/benchmarks.jar query.Functions -wi 2 -w 2 -i 5 -r 2}; for a profile,
 * {@code java -XX:StartFlightRecording=filename=f.jfr -cp benchmarks/target/benchmarks.jar
 * io.shardline.benchmarks.query.FunctionsBenchmark p95-1h 20} (query name, runs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class FunctionsBenchmark {

    static final Map<String, String> QUERIES = Map.of(
            "nnd-mean-1m", "SELECT non_negative_derivative(mean(usage_user), 1s) FROM cpu WHERE time >= now() - 24h"
                    + " GROUP BY time(1m)",
            "top-10", "SELECT top(usage_user, 10) FROM cpu WHERE time >= now() - 24h",
            "p95-1h", "SELECT percentile(usage_idle, 95) FROM cpu WHERE time >= now() - 24h GROUP BY time(1h)",
            "subquery-2", "SELECT max(peak) FROM (SELECT max(m) AS peak FROM (SELECT mean(usage_user) AS m FROM cpu"
                    + " WHERE time >= now() - 24h GROUP BY time(1m), host) WHERE time >= now() - 24h"
                    + " GROUP BY time(10m), host) WHERE time >= now() - 24h GROUP BY time(1h)");

    @Param({"p95-1h", "subquery-2", "nnd-mean-1m", "top-10"})
    public String query;

    private Path dir;
    private RocksShardEngine engine;
    private ShardStore store;
    private SelectStatement statement;
    private MeasurementSchema schema;

    @Setup(Level.Trial)
    public void load() throws IOException {
        dir = Files.createTempDirectory("shardline-functions-bench");
        engine = QueryBenchmark.openEngine(dir);
        store = QueryBenchmark.loadDataSet(engine, true);
        statement = (SelectStatement) InfluxQLParser.parseQuery(QUERIES.get(query)).statements().get(0);
        schema = QueryBenchmark.cpuSchema(store);
        if (!run().contains("\"values\"")) {
            throw new IllegalStateException("no answer: " + run());
        }
    }

    @Benchmark
    public String run() {
        return JsonFormatter.response(List.of(Result.of(0, select(statement))), EpochFormat.RFC3339, false);
    }

    /** One statement as the coordinator runs it over this one shard (subqueries recurse). */
    private List<Series> select(SelectStatement s) {
        if (SubqueryExecutor.hasSubquery(s)) {
            return SubqueryExecutor.execute(s, QueryBenchmark.END, this::select);
        }
        SelectPlan plan = SelectCompiler.compile(s, QueryBenchmark.END, List.of(schema));
        var partials = ShardSelectExecutor.execute(plan, new StoreShardReader(store)).partials();
        return new AggregateAssembler(plan).add(partials).series();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        engine.close();
        QueryBenchmark.deleteTree(dir);
    }

    /** Runs one query {@code args[1]} times after as many warm-up runs and prints the mean, for profiling. */
    public static void main(String[] args) throws IOException {
        FunctionsBenchmark b = new FunctionsBenchmark();
        b.query = args[0];
        int runs = Integer.parseInt(args[1]);
        b.load();
        try {
            for (int i = 0; i < runs; i++) {
                b.run();
            }
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                b.run();
            }
            System.out.printf("%s: %.1f ms per query over %d runs%n", b.query,
                    (System.nanoTime() - start) / 1e6 / runs, runs);
        } finally {
            b.close();
        }
    }
}
