package io.shardline.query.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.query.value.Timestamp;
import io.shardline.query.value.Unsigned;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Golden JSON bodies: Go number and time formatting, omitted members, epochs, pretty printing, errors. */
class JsonFormatterTest {

    private static final long T = 1_257_894_000_000_000_000L; // 2009-11-10T23:00:00Z

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void goNumberFormatting() {
        Series s = Series.of("cpu", null, List.of("time", "a", "b", "c", "d", "e", "f", "g", "h", "i"),
                List.of(row(new Timestamp(T), 1.0, 0.1, 1e20, 1e21, 1.5e-7, -0.0, Double.NaN, 42L,
                        new Unsigned(-1))));
        assertThat(JsonFormatter.response(List.of(Result.of(0, List.of(s))), EpochFormat.RFC3339, false))
                .isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"columns\":[\"time\","
                        + "\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\"],\"values\":[[\"2009-11-10T23:00:00Z\","
                        + "1,0.1,100000000000000000000,1e+21,1.5e-7,-0,null,42,18446744073709551615]]}]}]}\n");
    }

    @Test
    void timesTrimTrailingZerosAndEpochsDivide() {
        Series s = Series.of("cpu", null, List.of("time", "v"), List.of(
                row(new Timestamp(T + 500_000_000L), true), row(new Timestamp(T + 123_450_000L), "x<y&z"),
                row(new Timestamp(-1), null)));
        List<Result> r = List.of(Result.of(0, List.of(s)));
        assertThat(JsonFormatter.response(r, EpochFormat.RFC3339, false)).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"columns\":[\"time\",\"v\"],"
                        + "\"values\":[[\"2009-11-10T23:00:00.5Z\",true],[\"2009-11-10T23:00:00.12345Z\","
                        + "\"x\\u003cy\\u0026z\"],[\"1969-12-31T23:59:59.999999999Z\",null]]}]}]}\n");
        assertThat(JsonFormatter.response(r, EpochFormat.fromParam("ms"), false)).contains(
                "[[1257894000500,true],[1257894000123,\"x\\u003cy\\u0026z\"],[0,null]]");
        assertThat(JsonFormatter.response(r, EpochFormat.fromParam("h"), false)).contains("[[349415,true]");
        assertThat(JsonFormatter.response(r, EpochFormat.fromParam("ns"), false)).contains(
                "[[1257894000500000000,true]");
        assertThat(JsonFormatter.response(r, EpochFormat.fromParam("bogus"), false)).contains(
                "[[1257894000500000000,true]");
        assertThat(JsonFormatter.response(r, EpochFormat.fromParam("u"), false)).contains("[[1257894000500000,true]");
    }

    @Test
    void emptyMembersAreOmitted() {
        List<Result> r = List.of(Result.of(0, List.of()),
                Result.of(1, List.of(MetaResults.databases(List.of()))),
                new Result(2, List.of(), List.of(Message.warning("w")), null, true),
                Result.error(3, "database not found: foo"),
                Result.notExecuted(4));
        assertThat(JsonFormatter.response(r, EpochFormat.RFC3339, false)).isEqualTo("{\"results\":["
                + "{\"statement_id\":0},"
                + "{\"statement_id\":1,\"series\":[{\"name\":\"databases\",\"columns\":[\"name\"]}]},"
                + "{\"statement_id\":2,\"messages\":[{\"level\":\"warning\",\"text\":\"w\"}],\"partial\":true},"
                + "{\"statement_id\":3,\"error\":\"database not found: foo\"},"
                + "{\"statement_id\":4,\"error\":\"not executed\"}]}\n");
        assertThat(JsonFormatter.response(List.of(), EpochFormat.RFC3339, false)).isEqualTo("{}\n");
    }

    @Test
    void tagsAreSortedAndSeriesPartialIsLast() {
        Series s = new Series("cpu", Map.of("region", "us", "host", "a"), List.of("time", "v"),
                List.of(row(new Timestamp(0), 1L)), true);
        assertThat(JsonFormatter.chunk(new Result(0, List.of(s), List.of(), null, true), EpochFormat.RFC3339, false))
                .isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"a\","
                        + "\"region\":\"us\"},\"columns\":[\"time\",\"v\"],\"values\":[[\"1970-01-01T00:00:00Z\",1]],"
                        + "\"partial\":true}],\"partial\":true}]}\n");
    }

    @Test
    void readOnlyWarningText() {
        Result r = Result.of(0, List.of()).withMessage(Message.readOnlyWarning("CREATE DATABASE mydb"));
        assertThat(JsonFormatter.response(List.of(r), EpochFormat.RFC3339, false)).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"messages\":[{\"level\":\"warning\",\"text\":\"deprecated use "
                        + "of 'CREATE DATABASE mydb' in a read only context, please use a POST request instead\"}]}]}\n");
    }

    @Test
    void topLevelErrors() {
        assertThat(JsonFormatter.error("error parsing query: found EOF, expected FROM at line 1, char 9", false))
                .isEqualTo("{\"error\":\"error parsing query: found EOF, expected FROM at line 1, char 9\"}\n");
        assertThat(JsonFormatter.error("missing required parameter \"q\"", true))
                .isEqualTo("{\n    \"error\": \"missing required parameter \\\"q\\\"\"\n}\n");
    }

    @Test
    void prettyPrintsLikeGoMarshalIndent() {
        Series s = new Series("cpu", Map.of("host", "a"), List.of("time", "mean"),
                List.of(row(new Timestamp(T), 4L)), false);
        assertThat(JsonFormatter.response(List.of(Result.of(0, List.of(s)), Result.of(1, List.of())),
                EpochFormat.RFC3339, true)).isEqualTo("""
                {
                    "results": [
                        {
                            "statement_id": 0,
                            "series": [
                                {
                                    "name": "cpu",
                                    "tags": {
                                        "host": "a"
                                    },
                                    "columns": [
                                        "time",
                                        "mean"
                                    ],
                                    "values": [
                                        [
                                            "2009-11-10T23:00:00Z",
                                            4
                                        ]
                                    ]
                                }
                            ]
                        },
                        {
                            "statement_id": 1
                        }
                    ]
                }
                """);
    }

    @Test
    void metaShapes() {
        Series rps = MetaResults.retentionPolicies(List.of(new MetaResults.RetentionPolicyRow("autogen", 0,
                7 * 24 * 3_600_000_000_000L, 1, true)));
        Series shards = MetaResults.shards("db", List.of(new MetaResults.ShardRow(1, "db", "autogen", 1, 0,
                604_800_000_000_000L, 604_800_000_000_000L, "4,5")));
        assertThat(JsonFormatter.response(List.of(Result.of(0, List.of(rps)), Result.of(1, List.of(shards))),
                EpochFormat.RFC3339, false)).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{\"columns\":"
                + "[\"name\",\"duration\",\"shardGroupDuration\",\"replicaN\",\"default\"],\"values\":[[\"autogen\","
                + "\"0s\",\"168h0m0s\",1,true]]}]},{\"statement_id\":1,\"series\":[{\"name\":\"db\",\"columns\":"
                + "[\"id\",\"database\",\"retention_policy\",\"shard_group\",\"start_time\",\"end_time\","
                + "\"expiry_time\",\"owners\"],\"values\":[[1,\"db\",\"autogen\",1,\"1970-01-01T00:00:00Z\","
                + "\"1970-01-08T00:00:00Z\",\"1970-01-08T00:00:00Z\",\"4,5\"]]}]}]}\n");
    }

    @Test
    void bytesInPiecesEqualTheWholeText() {
        long seed = System.nanoTime();
        System.out.println("JsonFormatterTest seed " + seed);
        Random random = new Random(seed);
        String[] hosts = {"server-00042", "h\u00e9te", "\uD83D\uDE00-astral", "\u6771\u4eac", "x<y&z\"q"};
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < 4000; i++) { // several pieces of Utf8Pieces.PIECE characters
            series.add(Series.of("cpu", Map.of("host", hosts[random.nextInt(hosts.length)] + i),
                    List.of("time", "last"), List.of(row(new Timestamp(T + random.nextInt(1_000_000)),
                            random.nextDouble() * 100))));
        }
        List<Result> r = List.of(Result.of(0, series), Result.of(1, List.of()));
        for (boolean pretty : new boolean[] {false, true}) {
            String text = JsonFormatter.response(r, EpochFormat.RFC3339, pretty);
            assertThat(text.length()).isGreaterThan(2 * Utf8Pieces.PIECE);
            assertThat(new String(JsonFormatter.responseBytes(r, EpochFormat.RFC3339, pretty),
                    StandardCharsets.UTF_8)).as("seed %d", seed).isEqualTo(text);
        }
        assertThat(JsonFormatter.responseBytes(List.of(), EpochFormat.RFC3339, false))
                .isEqualTo("{}\n".getBytes(StandardCharsets.UTF_8));
    }
}
