package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.query.ast.SelectStatement;
import io.shardline.query.parse.InfluxQLParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subqueries: how the outer statement shapes the inner one, and the outer engine over inner results. */
class SubqueryExecutorTest {

    private static final long H = 3_600_000_000_000L;

    private final TestRunner runner = new TestRunner(10 * H, new InMemoryShard()
            .add("cpu", 0, Map.of("v", 1.0), "host", "a")
            .add("cpu", H, Map.of("v", 5.0), "host", "a")
            .add("cpu", 0, Map.of("v", 2.0), "host", "b")
            .add("cpu", 2 * H, Map.of("v", 7.0), "host", "b"));

    private static SelectStatement select(String q) {
        return (SelectStatement) InfluxQLParser.parseQuery(q).statements().get(0);
    }

    @Test
    void theOuterStatementShapesTheInnerOne() {
        SelectStatement outer = select("SELECT max(m) FROM (SELECT mean(v) AS m FROM cpu WHERE time > 5) "
                + "WHERE time < 100 GROUP BY time(1h, 1m), host ORDER BY time DESC SLIMIT 2 SOFFSET 1");
        SelectStatement inner = SubqueryExecutor.shape(outer.sources().get(0).subquery(), outer,
                io.shardline.query.plan.SelectCompiler.compile(outer.withSources(
                        java.util.List.of(io.shardline.query.ast.Measurement.named("x"))), 0, java.util.List.of()),
                0);
        assertThat(inner.toString()).isEqualTo("SELECT mean(v) AS m FROM cpu WHERE (time > 5) AND time <= 99 "
                + "GROUP BY host, time(1h, 1m) fill(none) ORDER BY time DESC SLIMIT 2 SOFFSET 1");
    }

    @Test
    void onlyTheAskedStatementIsTypeChecked() {
        // 1.6.7: the inner host + 1 yields no values, the outer x + 'a' is a type error (x is typed float)
        assertThat(runner.json("SELECT x FROM (SELECT host + 1 AS x, v FROM cpu)"))
                .isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        assertThat(runner.json("SELECT x FROM (SELECT x FROM (SELECT host + 1 AS x, v FROM cpu))"))
                .isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        assertThat(runner.json("SELECT x + 'a' FROM (SELECT v AS x FROM cpu)")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"error\":\"type error: x::float + 'a': incompatible types: float"
                        + " and string\"}]}\n");
    }

    @Test
    void aggregatesOverAggregatesAnyDepth() {
        assertThat(runner.json("SELECT sum(max) FROM (SELECT max(v) FROM cpu GROUP BY host)"))
                .contains("\"values\":[[\"1970-01-01T00:00:00Z\",12]]");
        assertThat(runner.json("SELECT max(s) FROM (SELECT sum(m) AS s FROM (SELECT max(v) AS m FROM cpu "
                + "GROUP BY host))")).contains("\"columns\":[\"time\",\"max\"],\"values\":[[\"1970-01-01T00:00:00Z\",12]]");
        // the outer GROUP BY host reaches the inner mean, which is then per host
        assertThat(runner.json("SELECT max(m) FROM (SELECT mean(v) AS m FROM cpu) GROUP BY host"))
                .contains("{\"host\":\"a\"},\"columns\":[\"time\",\"max\"],\"values\":[[\"1970-01-01T00:00:00Z\",3]]")
                .contains("{\"host\":\"b\"},\"columns\":[\"time\",\"max\"],\"values\":[[\"1970-01-01T00:00:00Z\",4.5]]");
    }

    @Test
    void rawOuterQueriesFilterOnInnerColumnsAndKeepInnerOrder() {
        assertThat(runner.json("SELECT v FROM (SELECT v FROM cpu) WHERE v > 1")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"columns\":[\"time\",\"v\"],"
                        + "\"values\":[[\"1970-01-01T00:00:00Z\",2],[\"1970-01-01T01:00:00Z\",5],"
                        + "[\"1970-01-01T02:00:00Z\",7]]}]}]}\n");
        // an aggregate inner query is read series by series, not merged by time
        assertThat(runner.json("SELECT * FROM (SELECT max(v) FROM cpu GROUP BY host)")).contains(
                "\"values\":[[\"1970-01-01T01:00:00Z\",\"a\",5],[\"1970-01-01T02:00:00Z\",\"b\",7]]");
        assertThat(runner.json("SELECT mean(v) FROM (SELECT v FROM cpu GROUP BY host) GROUP BY host SLIMIT 1 "
                + "SOFFSET 1")).contains("{\"host\":\"b\"}").doesNotContain("{\"host\":\"a\"}");
    }

    @Test
    void aMeasurementNextToASubqueryIsReadWithTheOuterConditionAndMergedByName() {
        // cpu's own points (1, 5, 2, 7) plus the subquery's per-host maxima (5, 7): count 6, sum 27
        assertThat(runner.json("SELECT count(v), sum(v) FROM cpu, (SELECT max(v) AS v FROM cpu GROUP BY host)"))
                .contains("\"values\":[[\"1970-01-01T00:00:00Z\",6,27]]");
        // the outer condition filters the measurement's points like the subquery's rows (these have no host tag)
        assertThat(runner.json("SELECT sum(v) FROM (SELECT max(v) AS v FROM cpu), cpu WHERE host = 'b'"))
                .contains("\"values\":[[\"1970-01-01T00:00:00Z\",9]]");
        SelectStatement outer = select("SELECT mean(v) FROM cpu, (SELECT v FROM mem) WHERE host = 'a' AND time < 100");
        assertThat(SubqueryExecutor.innermost(outer, 0)).extracting(SelectStatement::toString).containsExactly(
                "SELECT * FROM cpu WHERE (host = 'a' AND time < 100) AND time <= 99 GROUP BY *",
                "SELECT v FROM mem WHERE time <= 99");
    }
}
