package io.shardline.benchmarks.query;

import io.shardline.model.FieldType;
import io.shardline.model.Precision;
import io.shardline.model.SeriesKey;
import io.shardline.model.lp.LineProtocolParser;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.ShowTagValuesStatement;
import io.shardline.query.exec.ShowExecutor;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.result.Series;
import io.shardline.query.spi.SchemaReader;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.rocks.RocksShardEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * {@code SHOW TAG VALUES FROM cpu WITH KEY ...} shaped by {@link ShowExecutor} over one RocksDB shard's index
 * (the owner's side of every schema question, without RPC): {@code namedKey} ({@code WITH KEY = region}, which
 * asks for the key's values only) against {@code patternKey} ({@code WITH KEY =~ /^region$/}, same answer, but
 * the tag keys are asked first). In a cluster each question is also one round trip to every owner. Microseconds
 * per statement; compare the two within one run. Runs:
 * {@code java -jar benchmarks/target/benchmarks.jar query.ShowTagValues -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ShowTagValuesBenchmark {

    private static final long T0 = 1_700_000_000_000_000_000L;

    @Param({"30000"})
    public int series;

    private Path dir;
    private RocksShardEngine engine;
    private SchemaReader schema;
    private ShowTagValuesStatement named;
    private ShowTagValuesStatement pattern;

    /** The owner's answers to the schema questions, straight from the shard's index. */
    private record ShardSchema(ShardStore store) implements SchemaReader {
        @Override
        public Set<String> measurements() {
            return new TreeSet<>(store.measurements(TagPredicate.all()));
        }

        @Override
        public List<SeriesKey> series(String measurement) {
            return store.series(measurement, TagPredicate.all());
        }

        @Override
        public Map<String, FieldType> fieldTypes(String measurement) {
            return store.fieldTypes(measurement);
        }

        @Override
        public Set<String> tagKeys(String measurement, Expr condition) {
            return new TreeSet<>(store.tagKeys(measurement, TagPredicate.all()));
        }

        @Override
        public Map<String, Set<String>> tagValues(String measurement, Collection<String> keys, Expr condition) {
            Map<String, Set<String>> out = new TreeMap<>();
            for (String k : keys) {
                List<String> values = store.tagValues(measurement, k, TagPredicate.all());
                if (!values.isEmpty()) {
                    out.put(k, new TreeSet<>(values));
                }
            }
            return out;
        }
    }

    @Setup(Level.Trial)
    public void load() throws IOException {
        dir = Files.createTempDirectory("shardline-show-tag-values-bench");
        engine = QueryBenchmark.openEngine(dir);
        ShardStore store = engine.open(new ShardId("bench", "autogen", 1));
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < series; s++) {
            b.append(String.format("cpu,dc=dc-%d,host=server-%06d,region=r%d usage_user=%d %d%n", s % 7, s, s % 6,
                    s % 100, T0 + s));
            if ((s + 1) % 5_000 == 0 || s == series - 1) {
                store.write(new LineProtocolParser().parse(b.toString().getBytes(StandardCharsets.UTF_8),
                        Precision.NANOSECONDS, T0).points(), (1L << 40) + s);
                b.setLength(0);
            }
        }
        schema = new ShardSchema(store);
        named = statement("SHOW TAG VALUES FROM cpu WITH KEY = region");
        pattern = statement("SHOW TAG VALUES FROM cpu WITH KEY =~ /^region$/");
        if (!namedKey().equals(patternKey()) || namedKey().get(0).values().size() != Math.min(6, series)) {
            throw new IllegalStateException("answers differ: " + namedKey() + " " + patternKey());
        }
    }

    private static ShowTagValuesStatement statement(String q) {
        return (ShowTagValuesStatement) InfluxQLParser.parseQuery(q).statements().get(0);
    }

    @Benchmark
    public List<Series> namedKey() {
        return ShowExecutor.tagValues(named, schema);
    }

    @Benchmark
    public List<Series> patternKey() {
        return ShowExecutor.tagValues(pattern, schema);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        engine.close();
        QueryBenchmark.deleteTree(dir);
    }
}
