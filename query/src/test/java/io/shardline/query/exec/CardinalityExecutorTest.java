package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.query.QueryException;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.ShowCardinalityStatement;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.result.Series;
import io.shardline.query.spi.SchemaReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CARDINALITY statements over a schema of two shards (1.x counts a series once per shard holding it). */
class CardinalityExecutorTest {

    private final InMemoryShard first = new InMemoryShard()
            .add("cpu", 1, Map.of("v", 1.0), "host", "a", "region", "x")
            .add("cpu", 1, Map.of("v", 1.0), "host", "b")
            .add("mem", 1, Map.of("free", 1L, "used", 2.0), "host", "x");
    private final InMemoryShard second = new InMemoryShard()
            .add("cpu", 2, Map.of("v", 1.0, "w", 2L), "host", "a", "region", "x")
            .add("disk", 2, Map.of("u", 1L));
    private final SchemaReader schema = new TwoShards();

    private List<Series> run(String q) {
        return CardinalityExecutor.execute((ShowCardinalityStatement) InfluxQLParser.parseQuery(q).statements().get(0),
                schema, 0);
    }

    private static List<Object> counts(List<Series> out) {
        List<Object> c = new ArrayList<>();
        out.forEach(s -> c.add(s.name() + s.tags() + "=" + s.values().get(0).get(0)));
        return c;
    }

    @Test
    void estimatesCountDistinctSeriesAndMeasurements() {
        List<Series> out = run("SHOW SERIES CARDINALITY");
        assertThat(out).hasSize(1);
        assertThat(out.get(0).columns()).containsExactly("cardinality estimation");
        assertThat(out.get(0).values().get(0)).containsExactly(4L);
        assertThat(run("SHOW MEASUREMENT CARDINALITY").get(0).values().get(0)).containsExactly(3L);
    }

    @Test
    void exactSeriesCardinalityCountsPerShard() {
        assertThat(counts(run("SHOW SERIES EXACT CARDINALITY"))).containsExactly("cpu{}=3", "disk{}=1", "mem{}=1");
        assertThat(counts(run("SHOW SERIES CARDINALITY FROM cpu GROUP BY host")))
                .containsExactly("cpu{host=a}=2", "cpu{host=b}=1");
        assertThat(run("SHOW SERIES EXACT CARDINALITY OFFSET 1")).isEmpty();
    }

    @Test
    void distinctCountsPerMeasurementAndGroup() {
        assertThat(counts(run("SHOW MEASUREMENT EXACT CARDINALITY GROUP BY host")))
                .containsExactly("{host=}=1", "{host=a}=1", "{host=b}=1", "{host=x}=1");
        assertThat(counts(run("SHOW TAG KEY CARDINALITY WHERE host != 'b'")))
                .containsExactly("cpu{}=2", "mem{}=1");
        // distinct over values only: host=x and region=x count once, as 1.x's count(distinct(_tagValue))
        assertThat(counts(run("SHOW TAG VALUES CARDINALITY WITH KEY IN (host, region)")))
                .containsExactly("cpu{}=3", "mem{}=1");
        assertThat(counts(run("SHOW FIELD KEY CARDINALITY GROUP BY *")))
                .containsExactly("cpu{host=a, region=x}=2", "cpu{host=b, region=}=2", "disk{host=, region=}=1",
                        "mem{host=x, region=}=2");
    }

    @Test
    void timeConditionsFollow1x() {
        assertThatThrownBy(() -> run("SHOW TAG KEY CARDINALITY WHERE time > 0")).isInstanceOf(QueryException.class)
                .hasMessage("SHOW TAG KEY EXACT CARDINALITY doesn't support time in WHERE clause");
        assertThatThrownBy(() -> run("SHOW FIELD KEY CARDINALITY WHERE time > 0"))
                .hasMessage("SHOW FIELD KEY CARDINALITY doesn't support time in WHERE clause");
        assertThat(run("SHOW TAG VALUES CARDINALITY WITH KEY = host WHERE time > 0")).isEmpty();
        assertThat(run("SHOW TAG VALUES CARDINALITY WITH KEY = host WHERE time >= 0")).hasSize(2);
        assertThatThrownBy(() -> run("SHOW SERIES EXACT CARDINALITY GROUP BY time(1h)"))
                .hasMessageContaining("not supported by Shardline");
    }

    /** The union of two in-memory shards, answering {@link #seriesPerShard} shard by shard. */
    private final class TwoShards implements SchemaReader {

        @Override
        public Set<String> measurements() {
            Set<String> out = new LinkedHashSet<>(first.measurements());
            out.addAll(second.measurements());
            return out;
        }

        @Override
        public List<SeriesKey> series(String measurement) {
            Set<SeriesKey> out = new LinkedHashSet<>(first.series(measurement));
            out.addAll(second.series(measurement));
            return new ArrayList<>(out);
        }

        @Override
        public List<List<SeriesKey>> seriesPerShard(String measurement, Expr condition) {
            return List.of(first.series(measurement, condition), second.series(measurement, condition));
        }

        @Override
        public Map<String, FieldType> fieldTypes(String measurement) {
            Map<String, FieldType> out = new HashMap<>(first.fieldTypes(measurement));
            out.putAll(second.fieldTypes(measurement));
            return out;
        }
    }
}
