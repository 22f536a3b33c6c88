package io.shardline.query.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.query.ast.Query;
import io.shardline.query.ast.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden canonical forms: statement → 1.x String(); the exact form parses back to an equal AST. */
class ParserRoundTripTest {

    static Stream<Arguments> statements() {
        return Stream.of(
                a("select value from cpu", "SELECT value FROM cpu"),
                a("SELECT * FROM cpu", "SELECT * FROM cpu"),
                a("SELECT *::field, *::tag FROM cpu", "SELECT *::field, *::tag FROM cpu"),
                a("SELECT value::float, host::tag AS h FROM \"db\".\"rp\".\"cpu\"",
                        "SELECT value::float, host::tag AS h FROM db.rp.cpu"),
                a("SELECT \"my field\" FROM \"my measurement\"", "SELECT \"my field\" FROM \"my measurement\""),
                a("SELECT \"select\" FROM db..cpu", "SELECT \"select\" FROM db..cpu"),
                a("SELECT a FROM /cp.*/, db.rp./m\\/x/", "SELECT a FROM /cp.*/, db.rp./m\\/x/"),
                a("SELECT MEAN(value) AS m, count(distinct(host)) FROM cpu",
                        "SELECT mean(value) AS m, count(distinct(host)) FROM cpu"),
                a("SELECT count(DISTINCT host) FROM cpu", "SELECT count(DISTINCT host) FROM cpu"),
                a("SELECT percentile(value, 95.5), percentile(value, 5) FROM cpu",
                        "SELECT percentile(value, 95.500), percentile(value, 5) FROM cpu"),
                a("SELECT a + b * 2 - (c / 4) FROM m", "SELECT a + b * 2 - (c / 4) FROM m"),
                a("SELECT -value, -1.5 * value FROM m", "SELECT -1 * value, -1.500 * value FROM m"),
                a("SELECT value FROM cpu WHERE time > now() - 1h AND host = 'a''s'",
                        null),
                a("SELECT value FROM cpu WHERE time > now() - 1h AND host = 'it\\'s'",
                        "SELECT value FROM cpu WHERE time > now() - 1h AND host = 'it\\'s'"),
                a("SELECT value FROM cpu WHERE time >= '2009-11-10T23:00:00Z' AND time < 1257894060000000000",
                        "SELECT value FROM cpu WHERE time >= '2009-11-10T23:00:00Z' AND time < 1257894060000000000"),
                a("SELECT v FROM m WHERE (a = 1 OR b <> 2) AND c =~ /x/ AND d !~ /y/ AND e != true",
                        "SELECT v FROM m WHERE (a = 1 OR b != 2) AND c =~ /x/ AND d !~ /y/ AND e != true"),
                a("SELECT mean(v) FROM m WHERE time > now() - 7d GROUP BY time(5m, 1m), host, /re/ fill(previous)",
                        "SELECT mean(v) FROM m WHERE time > now() - 1w GROUP BY time(5m, 1m), host, /re/ "
                                + "fill(previous)"),
                a("SELECT mean(v) FROM m GROUP BY * fill(none)", "SELECT mean(v) FROM m GROUP BY * fill(none)"),
                a("SELECT mean(v) FROM m GROUP BY time(1h) fill(-1)",
                        "SELECT mean(v) FROM m GROUP BY time(1h) fill(-1)"),
                a("SELECT mean(v) FROM m GROUP BY time(1h) fill(2.5)",
                        "SELECT mean(v) FROM m GROUP BY time(1h) fill(2.5)"),
                a("SELECT mean(v) FROM m GROUP BY time(1h) fill(linear) ORDER BY time DESC LIMIT 10 OFFSET 2 "
                        + "SLIMIT 3 SOFFSET 1 tz('UTC')",
                        "SELECT mean(v) FROM m GROUP BY time(1h) fill(linear) ORDER BY time DESC LIMIT 10 OFFSET 2 "
                                + "SLIMIT 3 SOFFSET 1 TZ('UTC')"),
                a("SELECT v FROM m WHERE time > 10u AND time < 1500ms", "SELECT v FROM m WHERE time > 10u AND time "
                        + "< 1500ms"),
                a("SELECT v FROM m ORDER BY DESC", "SELECT v FROM m ORDER BY DESC"),
                a("SELECT value INTO m2 FROM cpu", "SELECT value INTO m2 FROM cpu"),
                a("select mean(v) into \"db\".\"rp\".:measurement from /c.*/ group by time(1m), *",
                        "SELECT mean(v) INTO db.rp.:MEASUREMENT FROM /c.*/ GROUP BY time(1m), *"),
                a("SELECT v INTO rp.:MEASUREMENT FROM m", "SELECT v INTO rp.:MEASUREMENT FROM m"),
                a("SELECT v INTO db..m FROM m", "SELECT v INTO db..m FROM m"),
                a("SELECT v INTO \"my db\".rp.\"my m\" FROM m", "SELECT v INTO \"my db\".rp.\"my m\" FROM m"),
                a("create continuous query cq1 on db begin select mean(value) into m from cpu group by time(1m) end",
                        "CREATE CONTINUOUS QUERY cq1 ON db BEGIN SELECT mean(value) INTO m FROM cpu GROUP BY time(1m) END"),
                a("CREATE CONTINUOUS QUERY \"cq 2\" ON db RESAMPLE EVERY 2m FOR 60m BEGIN SELECT mean(value) AS v, "
                        + "max(value) INTO db.rp2.:MEASUREMENT FROM /c.*/ WHERE host = 'a' GROUP BY time(1m, 15s), * "
                        + "fill(0) END", "CREATE CONTINUOUS QUERY \"cq 2\" ON db RESAMPLE EVERY 2m FOR 1h BEGIN SELECT "
                        + "mean(value) AS v, max(value) INTO db.rp2.:MEASUREMENT FROM /c.*/ WHERE host = 'a' GROUP BY "
                        + "time(1m, 15s), * fill(0) END"),
                a("CREATE CONTINUOUS QUERY cq3 ON db RESAMPLE FOR 90m BEGIN SELECT count(value) INTO rp2.m FROM cpu "
                        + "GROUP BY time(30m) tz('America/Chicago') END", "CREATE CONTINUOUS QUERY cq3 ON db RESAMPLE "
                        + "FOR 90m BEGIN SELECT count(value) INTO rp2.m FROM cpu GROUP BY time(30m) "
                        + "TZ('America/Chicago') END"),
                a("CREATE CONTINUOUS QUERY cq4 ON db BEGIN SELECT value INTO m FROM cpu END",
                        "CREATE CONTINUOUS QUERY cq4 ON db BEGIN SELECT value INTO m FROM cpu END"),
                a("drop continuous query \"cq 2\" on db", "DROP CONTINUOUS QUERY \"cq 2\" ON db"),
                a("show continuous queries", "SHOW CONTINUOUS QUERIES"),
                a("show databases", "SHOW DATABASES"),
                a("SHOW RETENTION POLICIES ON \"my db\"", "SHOW RETENTION POLICIES ON \"my db\""),
                a("SHOW MEASUREMENTS ON db WITH MEASUREMENT =~ /cpu.*/ WHERE host = 'a' LIMIT 2 OFFSET 1",
                        "SHOW MEASUREMENTS ON db WITH MEASUREMENT =~ /cpu.*/ WHERE host = 'a' LIMIT 2 OFFSET 1"),
                a("SHOW MEASUREMENTS WITH MEASUREMENT = cpu", "SHOW MEASUREMENTS WITH MEASUREMENT = cpu"),
                a("SHOW SERIES ON db FROM cpu, mem WHERE region = 'us' LIMIT 5",
                        "SHOW SERIES ON db FROM cpu, mem WHERE region = 'us' LIMIT 5"),
                a("SHOW TAG KEYS ON db FROM cpu LIMIT 1 SLIMIT 2", "SHOW TAG KEYS ON db FROM cpu LIMIT 1 SLIMIT 2"),
                a("SHOW TAG VALUES FROM cpu WITH KEY = host", "SHOW TAG VALUES FROM cpu WITH KEY = host"),
                a("SHOW TAG VALUES WITH KEY IN (host, \"region x\") WHERE a = 'b'",
                        "SHOW TAG VALUES WITH KEY IN (host, \"region x\") WHERE a = 'b'"),
                a("SHOW TAG VALUES WITH KEY =~ /h.*/", "SHOW TAG VALUES WITH KEY =~ /h.*/"),
                a("SHOW FIELD KEYS ON db FROM cpu", "SHOW FIELD KEYS ON db FROM cpu"),
                a("show series cardinality", "SHOW SERIES CARDINALITY"),
                a("SELECT max(m) FROM (SELECT mean(v) AS m FROM cpu GROUP BY host), (SELECT v AS m FROM (SELECT v FROM mem))",
                        "SELECT max(m) FROM (SELECT mean(v) AS m FROM cpu GROUP BY host), (SELECT v AS m FROM (SELECT v FROM mem))"),
                a("SHOW SERIES EXACT CARDINALITY ON db FROM cpu WHERE host = 'a' GROUP BY host LIMIT 1 OFFSET 2",
                        "SHOW SERIES EXACT CARDINALITY ON db FROM cpu WHERE host = 'a' GROUP BY host LIMIT 1 OFFSET 2"),
                a("SHOW SERIES EXACT", "SHOW SERIES"),
                a("SHOW MEASUREMENT EXACT CARDINALITY GROUP BY *", "SHOW MEASUREMENT EXACT CARDINALITY GROUP BY *"),
                a("SHOW TAG KEY CARDINALITY FROM /c/", "SHOW TAG KEY CARDINALITY FROM /c/"),
                a("SHOW TAG VALUES EXACT CARDINALITY WITH KEY IN (a, b) GROUP BY /x/",
                        "SHOW TAG VALUES EXACT CARDINALITY WITH KEY IN (a, b) GROUP BY /x/"),
                a("SHOW FIELD KEY EXACT CARDINALITY ON db", "SHOW FIELD KEY EXACT CARDINALITY ON db"),
                a("SHOW SHARDS", "SHOW SHARDS"),
                a("SHOW SHARD GROUPS", "SHOW SHARD GROUPS"),
                a("SHOW STATS", "SHOW STATS"),
                a("show stats for 'hh'", "SHOW STATS FOR 'hh'"),
                a("SHOW DIAGNOSTICS", "SHOW DIAGNOSTICS"),
                a("SHOW DIAGNOSTICS FOR 'it\\'s'", "SHOW DIAGNOSTICS FOR 'it\\'s'"),
                a("CREATE DATABASE db", "CREATE DATABASE db"),
                a("CREATE DATABASE db WITH DURATION 1d REPLICATION 2 SHARD DURATION 1h NAME rp1",
                        "CREATE DATABASE db WITH DURATION 24h0m0s REPLICATION 2 SHARD DURATION 1h0m0s NAME rp1"),
                a("CREATE DATABASE db WITH DURATION INF", "CREATE DATABASE db WITH DURATION 0s"),
                a("CREATE DATABASE db WITH NAME rp", "CREATE DATABASE db WITH NAME rp"),
                a("DROP DATABASE \"db-1\"", "DROP DATABASE \"db-1\""),
                a("CREATE RETENTION POLICY rp ON db DURATION 1h REPLICATION 2 SHARD DURATION 30m DEFAULT",
                        "CREATE RETENTION POLICY rp ON db DURATION 1h REPLICATION 2 SHARD DURATION 30m DEFAULT"),
                a("CREATE RETENTION POLICY rp ON db DURATION INF REPLICATION 1",
                        "CREATE RETENTION POLICY rp ON db DURATION 0s REPLICATION 1"),
                a("ALTER RETENTION POLICY default ON db DEFAULT REPLICATION 4 DURATION 1m",
                        "ALTER RETENTION POLICY \"default\" ON db DURATION 1m REPLICATION 4 DEFAULT"),
                a("ALTER RETENTION POLICY rp ON db SHARD DURATION 2w", "ALTER RETENTION POLICY rp ON db SHARD "
                        + "DURATION 2w"),
                a("DROP RETENTION POLICY \"1h.cpu\" ON db", "DROP RETENTION POLICY \"1h.cpu\" ON db"),
                a("DROP MEASUREMENT cpu", "DROP MEASUREMENT cpu"),
                a("DROP SERIES FROM cpu WHERE host = 'a'", "DROP SERIES FROM cpu WHERE host = 'a'"),
                a("DROP SERIES WHERE host = 'a'", "DROP SERIES WHERE host = 'a'"),
                a("DELETE FROM cpu WHERE time < '2000-01-01T00:00:00Z'",
                        "DELETE FROM cpu WHERE time < '2000-01-01T00:00:00Z'"),
                a("DELETE WHERE value = 1.5", "DELETE WHERE value = 1.500"),
                a("-- comment\nSELECT v /* inline */ FROM m -- trailing", "SELECT v FROM m"));
    }

    private static Arguments a(String q, String canonical) {
        return Arguments.of(q, canonical);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("statements")
    void rendersLike1xAndRoundTrips(String input, String canonical) {
        if (canonical == null) {
            return;
        }
        Statement s = InfluxQLParser.parseStatement(input);
        assertThat(s.toString()).isEqualTo(canonical);
        Statement again = InfluxQLParser.parseStatement(s.toExactString());
        assertThat(again).isEqualTo(s);
    }

    @Test
    void severalStatementsJoinWithSemicolonNewline() {
        Query q = InfluxQLParser.parseQuery("SHOW DATABASES; ;SELECT a FROM b;");
        assertThat(q.statements()).hasSize(2);
        assertThat(q.toString()).isEqualTo("SHOW DATABASES;\nSELECT a FROM b");
    }

    @Test
    void boundParametersAreSubstituted() {
        Statement s = InfluxQLParser.parseQuery("SELECT count($value) FROM $m WHERE host = $h LIMIT $limit",
                Map.of("value", Map.of("identifier", "my_value"), "m", Map.of("identifier", "cpu"),
                        "h", "server01", "limit", 10L)).statements().get(0);
        assertThat(s.toString()).isEqualTo("SELECT count(my_value) FROM cpu WHERE host = 'server01' LIMIT 10");
    }

    @Test
    void exactFormKeepsFloatDigits() {
        Statement s = InfluxQLParser.parseStatement("SELECT v FROM m WHERE v > 0.12345678901234");
        assertThat(s.toString()).isEqualTo("SELECT v FROM m WHERE v > 0.123");
        assertThat(s.toExactString()).isEqualTo("SELECT v FROM m WHERE v > 0.12345678901234");
        assertThat(InfluxQLParser.parseStatement("SELECT v FROM m WHERE v > 2.0").toExactString())
                .isEqualTo("SELECT v FROM m WHERE v > 2.0");
    }
}
