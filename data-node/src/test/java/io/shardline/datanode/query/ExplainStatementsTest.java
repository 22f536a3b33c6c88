package io.shardline.datanode.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EXPLAIN and EXPLAIN ANALYZE on three nodes with RF 2: 1.x's result shape, Shardline's plan content. */
class ExplainStatementsTest {

    private static final long SEED = 7L;
    private static InMemoryQueryCluster cluster;

    @BeforeAll
    static void load() {
        System.out.println("seed=" + SEED);
        cluster = new InMemoryQueryCluster(3, 2, SEED);
        cluster.createDatabase("db");
        cluster.write("db", "cpu,host=a value=1 0\ncpu,host=b value=2 0\ncpu,host=a value=3 7200000000000\n"
                + "mem,host=a free=5i 0\n");
    }

    @AfterAll
    static void close() {
        cluster.close();
    }

    @Test
    void explainListsExpressionsShardsOwnersAndSeries() {
        String out = cluster.query(cluster.nodes().get(0), "db", "EXPLAIN SELECT mean(value) FROM cpu WHERE host = 'a'");
        assertThat(out).startsWith("{\"results\":[{\"statement_id\":0,\"series\":[{\"columns\":[\"QUERY PLAN\"],"
                + "\"values\":[[\"EXPRESSION: mean(value::float)\"],[\"NUMBER OF SHARDS: 2\"],"
                + "[\"NUMBER OF SERIES: 2\"],[\"SHARD ");
        assertThat(out).containsPattern("\\[\"SHARD \\d+: OWNERS \\d+, \\d+\"\\]");
        assertThat(cluster.query(cluster.nodes().get(1), "db", "EXPLAIN SELECT value, host FROM cpu")).contains(
                "[[\"EXPRESSION: \\u003cnil\\u003e\"],[\"AUXILIARY FIELDS: value::float\"],[\"NUMBER OF SHARDS: 2\"],"
                        + "[\"NUMBER OF SERIES: 3\"]");
        assertThat(cluster.query(cluster.nodes().get(0), "db", "EXPLAIN SELECT * FROM nope")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":[{\"columns\":[\"QUERY PLAN\"],\"values\":[[\"\"]]}]}]}");
    }

    @Test
    void explainOfASubqueryPlansItsInnermostStatementsAs1x() {
        // 1.x: the plan of the inner statement's iterators (the outer one reads no shard)
        String out = cluster.query(cluster.nodes().get(0), "db",
                "EXPLAIN SELECT max(m) FROM (SELECT mean(value) AS m FROM (SELECT value FROM cpu) GROUP BY host)");
        assertThat(out).startsWith("{\"results\":[{\"statement_id\":0,\"series\":[{\"columns\":[\"QUERY PLAN\"],"
                + "\"values\":[[\"EXPRESSION: \\u003cnil\\u003e\"],[\"AUXILIARY FIELDS: value::float\"],"
                + "[\"NUMBER OF SHARDS: 2\"],[\"NUMBER OF SERIES: 3\"],[\"SHARD ");
    }

    @Test
    void explainAnalyzeOfASubqueryNestsOneCursorPerStatementAndTimesTheInnermostShards() {
        String out = cluster.query(cluster.nodes().get(1), "db",
                "EXPLAIN ANALYZE SELECT max(m) FROM (SELECT mean(value) AS m FROM cpu GROUP BY host), mem");
        assertThat(out).startsWith("{\"results\":[{\"statement_id\":0,\"series\":[{\"columns\":[\"EXPLAIN ANALYZE\"],"
                + "\"values\":[[\".\"],[\"└── select\"],[\"    ├── execution_time: ");
        assertThat(out).contains("[\"    └── build_cursor\"],[\"        ├── labels\"],"
                + "[\"        │   └── statement: SELECT max(m) FROM (SELECT mean(value) AS m FROM cpu GROUP BY host), mem\"],"
                + "[\"        ├── build_cursor\"],[\"        │   ├── labels\"],"
                + "[\"        │   │   └── statement: SELECT mean(value) AS m FROM cpu GROUP BY host fill(none)\"],"
                + "[\"        │   └── shards\"],[\"        │       ├── shard ");
        // the measurement next to the subquery is read as a raw SELECT * ... GROUP BY *, its shards listed too
        assertThat(out).contains("[\"        └── build_cursor\"],[\"            ├── labels\"],"
                + "[\"            │   └── statement: SELECT * FROM mem GROUP BY *\"],[\"            └── shards\"],"
                + "[\"                ├── shard ").contains("├── rows: 1\"]").contains("├── partial_groups: ")
                .endsWith("[\"\"]]}]}]}");
    }

    @Test
    void selectLimitsGive1xErrors() {
        try (InMemoryQueryCluster limited = new InMemoryQueryCluster(1, 1, SEED, new SelectLimits(1, 3))) {
            limited.createDatabase("db");
            limited.write("db", "cpu,host=a value=1 0\ncpu,host=b value=2 0\n");
            long node = limited.nodes().get(0);
            assertThat(limited.query(node, "db", "SELECT count(value) FROM cpu")).contains(
                    "\"error\":\"max-select-series limit exceeded: (2/1)\"");
            assertThat(limited.query(node, "db", "SELECT count(value) FROM cpu WHERE host = 'a'")).contains(
                    "\"values\":[[\"1970-01-01T00:00:00Z\",1]]");
            assertThat(limited.query(node, "db", "SELECT count(value) FROM cpu WHERE host = 'a' AND time >= 0 "
                    + "AND time < 4s GROUP BY time(1s)")).contains("\"error\":\"max-select-buckets limit exceeded: (4/3)\"");
            assertThat(limited.query(node, "db", "SELECT count(value) FROM cpu WHERE host = 'a' AND time >= 0 "
                    + "AND time < 3s GROUP BY time(1s)")).contains("\"values\":[[\"1970-01-01T00:00:00Z\",1]");
        }
    }

    @Test
    void explainAnalyzeRunsTheQueryAndTimesEveryShard() {
        String out = cluster.query(cluster.nodes().get(2), "db", "EXPLAIN ANALYZE SELECT count(value) FROM cpu");
        assertThat(out).startsWith("{\"results\":[{\"statement_id\":0,\"series\":[{\"columns\":[\"EXPLAIN ANALYZE\"],"
                + "\"values\":[[\".\"],[\"└── select\"],[\"    ├── execution_time: ");
        assertThat(out).contains("[\"    └── shards\"],[\"        ├── shard ").contains("├── partial_groups: 1\"]")
                .contains("└── read_time: ").endsWith("[\"\"]]}]}]}");
    }
}
