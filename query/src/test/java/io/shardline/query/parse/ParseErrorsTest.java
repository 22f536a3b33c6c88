package io.shardline.query.parse;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden parse errors: input → the exact text 1.x puts after {@code error parsing query: }. */
class ParseErrorsTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                // From influxql's parser_test.go (positions included), 1.8 keyword lists.
                a("", "found EOF, expected SELECT, DELETE, SHOW, CREATE, DROP, EXPLAIN, GRANT, REVOKE, ALTER, SET, "
                        + "KILL at line 1, char 1"),
                a("SELECT", "found EOF, expected identifier, string, number, bool at line 1, char 8"),
                a("blah blah", "found blah, expected SELECT, DELETE, SHOW, CREATE, DROP, EXPLAIN, GRANT, REVOKE, "
                        + "ALTER, SET, KILL at line 1, char 1"),
                a("select *", "found EOF, expected FROM at line 1, char 9"),
                a("select * from", "found EOF, expected identifier at line 1, char 15"),
                a("SELECT * FORM m", "found FORM, expected FROM at line 1, char 10"),
                a("SELECT field1 X", "found X, expected FROM at line 1, char 15"),
                a("SELECT field1 FROM \"series\" WHERE X +;",
                        "found ;, expected identifier, string, number, bool at line 1, char 38"),
                a("SELECT field1 FROM myseries GROUP", "found EOF, expected BY at line 1, char 35"),
                a("SELECT field1 FROM myseries LIMIT", "found EOF, expected integer at line 1, char 35"),
                a("SELECT field1 FROM myseries LIMIT 10.5", "found 10.5, expected integer at line 1, char 35"),
                a("SELECT field1 FROM myseries OFFSET", "found EOF, expected integer at line 1, char 36"),
                a("SELECT field1 FROM myseries OFFSET 10.5", "found 10.5, expected integer at line 1, char 36"),
                a("SELECT field1 FROM myseries ORDER", "found EOF, expected BY at line 1, char 35"),
                a("SELECT field1 FROM myseries ORDER BY",
                        "found EOF, expected identifier, ASC, DESC at line 1, char 38"),
                a("SELECT field1 FROM myseries ORDER BY /",
                        "found /, expected identifier, ASC, DESC at line 1, char 38"),
                a("SELECT field1 FROM myseries ORDER BY 1",
                        "found 1, expected identifier, ASC, DESC at line 1, char 38"),
                a("SELECT field1 FROM myseries ORDER BY time ASC,",
                        "found EOF, expected identifier at line 1, char 47"),
                a("SELECT field1 FROM myseries ORDER BY time, field1", "only ORDER BY time supported at this time"),
                a("SELECT field1 AS", "found EOF, expected identifier at line 1, char 18"),
                a("SELECT field1 FROM 12", "found 12, expected identifier at line 1, char 20"),
                a("SELECT 1000000000000000000000000000000000000000000000 FROM myseries",
                        "unable to parse integer at line 1, char 8"),
                a("SELECT 10.5h FROM myseries", "found h, expected FROM at line 1, char 12"),
                a("SELECT distinct FROM myseries", "found FROM, expected identifier at line 1, char 17"),
                a("SELECT count(distinct) FROM myseries", "found ), expected (, identifier at line 1, char 22"),
                a("SELECT field1 from myseries WHERE host =~ 'asd' LIMIT 1",
                        "found asd, expected regex at line 1, char 42"),
                a("SELECT value > 2 FROM cpu",
                        "invalid operator > in SELECT clause at line 1, char 8; operator is intended for WHERE clause"),
                a("SELECT value = 2 FROM cpu",
                        "invalid operator = in SELECT clause at line 1, char 8; operator is intended for WHERE clause"),
                a("SELECT s =~ /foo/ FROM cpu",
                        "invalid operator =~ in SELECT clause at line 1, char 8; operator is intended for WHERE "
                                + "clause"),
                a("SELECT mean(value) FROM cpu FILL + value", "fill must be a function call"),
                a("SELECT mean(value) FROM cpu GROUP BY time(1m) fill(foo)", "expected number argument in fill()"),
                a("SELECT mean(value) FROM cpu fill()",
                        "fill requires an argument, e.g.: 0, null, none, previous, linear"),
                a("DELETE", "found EOF, expected FROM, WHERE at line 1, char 8"),
                a("DELETE FROM", "found EOF, expected identifier at line 1, char 13"),
                a("DELETE FROM &foo.myseries", "found &, expected identifier at line 1, char 13"),
                a("DELETE FROM ^foo.myseries", "found ^, expected identifier at line 1, char 13"),
                a("DELETE FROM *foo.myseries", "found *, expected identifier at line 1, char 13"),
                a("DELETE FROM myseries WHERE",
                        "found EOF, expected identifier, string, number, bool at line 1, char 28"),
                a("DELETE FROM foo..myseries", "database not supported at line 1, char 1"),
                a("DROP MEASUREMENT", "found EOF, expected identifier at line 1, char 18"),
                a("DROP SERIES", "found EOF, expected FROM, WHERE at line 1, char 13"),
                a("DROP SERIES FROM", "found EOF, expected identifier at line 1, char 18"),
                a("DROP SERIES FROM src WHERE",
                        "found EOF, expected identifier, string, number, bool at line 1, char 28"),
                a("DROP SERIES FROM \"foo\".myseries", "retention policy not supported at line 1, char 1"),
                a("DROP SERIES FROM foo..myseries", "database not supported at line 1, char 1"),
                a("SHOW CONTINUOUS", "found EOF, expected QUERIES at line 1, char 17"),
                a("SHOW RETENTION", "found EOF, expected POLICIES at line 1, char 16"),
                a("SHOW RETENTION ON", "found ON, expected POLICIES at line 1, char 16"),
                a("SHOW RETENTION POLICIES ON", "found EOF, expected identifier at line 1, char 28"),
                a("SHOW SHARD", "found EOF, expected GROUPS at line 1, char 12"),
                a("SHOW FOO", "found FOO, expected CONTINUOUS, DATABASES, DIAGNOSTICS, FIELD, GRANTS, MEASUREMENT, "
                        + "MEASUREMENTS, QUERIES, RETENTION, SERIES, SHARD, SHARDS, STATS, SUBSCRIPTIONS, TAG, USERS "
                        + "at line 1, char 6"),
                a("SHOW GRANTS", "found EOF, expected FOR at line 1, char 13"),
                a("DROP CONTINUOUS", "found EOF, expected QUERY at line 1, char 17"),
                a("CREATE CONTINUOUS", "found EOF, expected QUERY at line 1, char 19"),
                a("DROP FOO", "found FOO, expected CONTINUOUS, DATABASE, MEASUREMENT, RETENTION, SERIES, SHARD, "
                        + "SUBSCRIPTION, USER at line 1, char 6"),
                a("CREATE FOO", "found FOO, expected CONTINUOUS, DATABASE, USER, RETENTION, SUBSCRIPTION at line 1, "
                        + "char 8"),
                a("CREATE DATABASE", "found EOF, expected identifier at line 1, char 17"),
                a("CREATE DATABASE \"testdb\" WITH",
                        "found EOF, expected DURATION, NAME, REPLICATION, SHARD at line 1, char 31"),
                a("CREATE DATABASE \"testdb\" WITH DURATION", "found EOF, expected duration at line 1, char 40"),
                a("CREATE DATABASE \"testdb\" WITH REPLICATION", "found EOF, expected integer at line 1, char 43"),
                a("CREATE DATABASE \"testdb\" WITH NAME", "found EOF, expected identifier at line 1, char 36"),
                a("CREATE DATABASE \"testdb\" WITH SHARD", "found EOF, expected DURATION at line 1, char 37"),
                a("CREATE DATABASE db WITH SHARD DURATION INF",
                        "invalid duration INF for shard duration at line 1, char 40"),
                a("DROP DATABASE", "found EOF, expected identifier at line 1, char 15"),
                a("DROP RETENTION", "found EOF, expected POLICY at line 1, char 16"),
                a("DROP RETENTION POLICY", "found EOF, expected identifier at line 1, char 23"),
                a("DROP RETENTION POLICY \"1h.cpu\"", "found EOF, expected ON at line 1, char 31"),
                a("DROP RETENTION POLICY \"1h.cpu\" ON", "found EOF, expected identifier at line 1, char 35"),
                a("GRANT", "found EOF, expected READ, WRITE, ALL [PRIVILEGES] at line 1, char 7"),
                a("KILL", "found EOF, expected QUERY at line 1, char 6"),
                a("CREATE RETENTION", "found EOF, expected POLICY at line 1, char 18"),
                a("CREATE RETENTION POLICY", "found EOF, expected identifier at line 1, char 25"),
                a("CREATE RETENTION POLICY policy1", "found EOF, expected ON at line 1, char 33"),
                a("CREATE RETENTION POLICY policy1 ON", "found EOF, expected identifier at line 1, char 36"),
                a("CREATE RETENTION POLICY policy1 ON testdb", "found EOF, expected DURATION at line 1, char 43"),
                a("CREATE RETENTION POLICY policy1 ON testdb DURATION",
                        "found EOF, expected duration at line 1, char 52"),
                a("CREATE RETENTION POLICY policy1 ON testdb DURATION bad",
                        "found bad, expected duration at line 1, char 52"),
                a("CREATE RETENTION POLICY policy1 ON testdb DURATION 1h",
                        "found EOF, expected REPLICATION at line 1, char 54"),
                a("CREATE RETENTION POLICY policy1 ON testdb DURATION 1h REPLICATION",
                        "found EOF, expected integer at line 1, char 67"),
                a("CREATE RETENTION POLICY policy1 ON testdb DURATION 1h REPLICATION 3.14",
                        "found 3.14, expected integer at line 1, char 67"),
                a("CREATE RETENTION POLICY policy1 ON testdb DURATION 1h REPLICATION 0",
                        "invalid value 0: must be 1 <= n <= 2147483647 at line 1, char 67"),
                a("CREATE RETENTION POLICY policy1 ON testdb DURATION 1h REPLICATION bad",
                        "found bad, expected integer at line 1, char 67"),
                a("CREATE RETENTION POLICY policy1 ON testdb DURATION 1h REPLICATION 2 SHARD DURATION INF",
                        "invalid duration INF for shard duration at line 1, char 84"),
                a("ALTER", "found EOF, expected RETENTION at line 1, char 7"),
                a("ALTER RETENTION", "found EOF, expected POLICY at line 1, char 17"),
                a("ALTER RETENTION POLICY", "found EOF, expected identifier at line 1, char 24"),
                a("ALTER RETENTION POLICY policy1", "found EOF, expected ON at line 1, char 32"),
                a("ALTER RETENTION POLICY policy1 ON", "found EOF, expected identifier at line 1, char 35"),
                a("ALTER RETENTION POLICY policy1 ON testdb",
                        "found EOF, expected DURATION, REPLICATION, SHARD, DEFAULT at line 1, char 42"),
                a("ALTER RETENTION POLICY policy1 ON testdb REPLICATION 1 REPLICATION 2",
                        "found duplicate REPLICATION option at line 1, char 56"),
                a("ALTER RETENTION POLICY policy1 ON testdb DURATION 15251w",
                        "overflowed duration 15251w: choose a smaller duration or INF at line 1, char 51"),
                a("ALTER RETENTION POLICY policy1 ON testdb DURATION INF SHARD DURATION INF",
                        "invalid duration INF for shard duration at line 1, char 70"),
                a("SET", "found EOF, expected PASSWORD at line 1, char 5"),
                a("SET PASSWORD", "found EOF, expected FOR at line 1, char 14"),
                a("$SHOW$DATABASES", "found $SHOW, expected SELECT, DELETE, SHOW, CREATE, DROP, EXPLAIN, GRANT, "
                        + "REVOKE, ALTER, SET, KILL at line 1, char 1"),
                a("SELECT * FROM cpu WHERE \"tagkey\" = $$", "empty bound parameter"),
                a("SELECT * FROM cpu WHERE \"tagkey\" = $x", "missing parameter: x"),
                a("-+1", "found -, expected SELECT, DELETE, SHOW, CREATE, DROP, EXPLAIN, GRANT, REVOKE, ALTER, SET, "
                        + "KILL at line 1, char 1"),
                a("SELECT a INTO :MEASUREMENT FROM b", "found :, expected identifier at line 1, char 15"),
                a("SELECT a INTO x.:FOO FROM b", "found FOO, expected MEASUREMENT at line 1, char 18"),
                a("SELECT a INTO x", "found EOF, expected FROM at line 1, char 17"),
                a("CREATE CONTINUOUS QUERY cq5 ON db BEGIN SELECT mean(value) FROM cpu GROUP BY time(1m) END",
                        "found FROM, expected INTO at line 1, char 60"),
                a("CREATE CONTINUOUS QUERY cq5 ON db BEGIN SELECT mean(value) INTO m FROM cpu END",
                        "found cpu, expected GROUP BY time(...) at line 1, char 72"),
                a("CREATE CONTINUOUS QUERY cq5 ON db BEGIN SELECT mean(value) INTO m FROM cpu GROUP BY host END",
                        "found host, expected GROUP BY time(...) at line 1, char 85"),
                a("CREATE CONTINUOUS QUERY c ON db BEGIN SELECT max(value) INTO m FROM cpu WHERE host = 'a' END",
                        "found a, expected GROUP BY time(...) at line 1, char 85"),
                a("CREATE CONTINUOUS QUERY cq17 ON db BEGIN SELECT max(value) INTO m FROM cpu GROUP BY time(0s) END",
                        "found ), expected GROUP BY time(...) at line 1, char 92"),
                a("CREATE CONTINUOUS QUERY c ON db BEGIN SELECT max(value) INTO m FROM cpu GROUP BY time(value) END",
                        "found ), expected GROUP BY time(...), time dimension must have duration argument at line 1, char 92"),
                a("CREATE CONTINUOUS QUERY cq5 ON db RESAMPLE FOR 30s BEGIN SELECT mean(value) INTO m FROM cpu GROUP BY time(1m) END",
                        "FOR duration must be >= GROUP BY time duration: must be a minimum of 1m, got 30s"),
                a("CREATE CONTINUOUS QUERY cq5 ON db RESAMPLE EVERY 5m FOR 2m BEGIN SELECT mean(value) INTO m FROM cpu GROUP BY time(1m) END",
                        "FOR duration must be >= GROUP BY time duration: must be a minimum of 5m, got 2m"),
                a("CREATE CONTINUOUS QUERY cq5 ON db RESAMPLE BEGIN SELECT mean(value) INTO m FROM cpu GROUP BY time(1m) END",
                        "found BEGIN, expected EVERY, FOR at line 1, char 44"),
                a("CREATE CONTINUOUS QUERY cq16 ON db BEGIN SELECT max(value) INTO m FROM cpu GROUP BY time(1m)",
                        "found EOF, expected END at line 1, char 93"),
                a("CREATE CONTINUOUS QUERY cq16 ON db BEGIN SELECT max(value) INTO m FROM cpu GROUP BY time(1m) END garbage",
                        "found garbage, expected ; at line 1, char 98"),
                a("CREATE CONTINUOUS QUERY c ON db RESAMPLE EVERY 5 BEGIN",
                        "found 5, expected duration at line 1, char 48"),
                a("CREATE CONTINUOUS QUERY c db",
                        "found db, expected ON at line 1, char 27"),
                a("CREATE CONTINUOUS QUERY c ON db SELECT",
                        "found SELECT, expected BEGIN at line 1, char 33"),
                a("DROP CONTINUOUS QUERY x",
                        "found EOF, expected ON at line 1, char 25"),
                // Shardline's own decisions.
                a("SELECT a FROM b c", "found c, expected ; at line 1, char 17"),
                a("SELECT a FROM (SELECT b FROM c", "found EOF, expected ) at line 1, char 32"),
                a("SELECT a FROM (b)", "found b, expected SELECT at line 1, char 16"),
                a("EXPLAIN SHOW DATABASES", "found SHOW, expected SELECT at line 1, char 9"),
                a("EXPLAIN ANALYZE EXPLAIN SELECT * FROM cpu", "found EXPLAIN, expected SELECT at line 1, char 17"),
                a("SHOW SUBSCRIPTIONS", "SHOW SUBSCRIPTIONS is not supported by Shardline at line 1, char 1"),
                a("SHOW TAG KEY EXACT", "found EOF, expected CARDINALITY at line 1, char 20"),
                a("SHOW MEASUREMENT EXACT", "found EOF, expected CARDINALITY at line 1, char 24"),
                a("SHOW TAG VALUES EXACT WITH", "found WITH, expected CARDINALITY at line 1, char 23"),
                a("SHOW FIELD KEY", "found EOF, expected EXACT, CARDINALITY at line 1, char 16"),
                a("SHOW STATS FOR hh", "found hh, expected string at line 1, char 16"),
                a("SHOW DIAGNOSTICS FOR", "found EOF, expected string at line 1, char 22"),
                a("SELECT a FROM b tz('Nowhere/Land')", "unable to find time zone Nowhere/Land"),
                a("SELECT a FROM b WHERE time > 1x", "invalid duration"),
                a("SELECT a FROM /(/", "error parsing regexp: missing closing ): `(` at line 1, char 14"),
                a("SELECT a FROM b WHERE x =~ /abc", "bad regex:  at line 1, char 27"),
                a("SELECT a FROM b WHERE c = 'abc", "found abc, expected identifier, string, number, bool at line 1, "
                        + "char 26"),
                a("SELECT a FROM a.b.c.d", "too many segments in \"a\".\"b\".\"c\".d at line 1, char 1"));
    }

    private static Arguments a(String q, String err) {
        return Arguments.of(q, err);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("errors")
    void reportsTheExact1xError(String query, String expected) {
        // 1.x's ParseQuery accepts an empty query; the golden "" case comes from ParseStatement.
        assertThatThrownBy(() -> {
            if (query.isEmpty()) {
                InfluxQLParser.parseStatement(query);
            } else {
                InfluxQLParser.parseQuery(query, Map.of());
            }
        })
                .isInstanceOf(ParseException.class).hasMessage(expected);
    }
}
