package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * mode, sample, integral and top/bottom with tag arguments through the whole pipeline over two shards; the
 * expected bodies are InfluxDB 1.6.7's answers for the same points.
 */
class SelectorFunctionsEndToEndTest {

    private static final long S = 1_000_000_000L;

    private final InMemoryShard a = new InMemoryShard()
            .add("s", 10 * S, Map.of("v", 1.0, "s", "a", "b", true), "h", "a", "r", "x")
            .add("s", 14 * S, Map.of("v", 3.0, "s", "b", "b", false), "h", "c", "r", "x")
            .add("i", 10 * S, Map.of("v", 1L), "h", "a")
            .add("i", 20 * S, Map.of("v", 3L), "h", "a")
            .add("k", 10 * S, Map.of("v", 1.0))
            .add("k", 35 * S, Map.of("v", 2.0));
    private final InMemoryShard b = new InMemoryShard()
            .add("s", 12 * S, Map.of("v", 4.0, "s", "b", "b", false), "h", "b", "r", "y")
            .add("s", 16 * S, Map.of("v", 9.0, "s", "c", "b", true), "h", "a", "r", "y")
            .add("i", 20 * S, Map.of("v", 5L), "h", "b")
            .add("i", 35 * S, Map.of("v", 2L), "h", "b")
            .add("k", 20 * S, Map.of("v", 3.0));
    private final TestRunner runner = new TestRunner(3600 * S, a, b);

    private static String series(String columns, String values) {
        return "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"s\",\"columns\":[" + columns
                + "],\"values\":[" + values + "]}]}]}\n";
    }

    @Test
    void modeOfEveryTypeWithItsTieRule() {
        assertThat(runner.json("SELECT mode(s), mode(b), mode(v) FROM s")).isEqualTo(series(
                "\"time\",\"mode\",\"mode_1\",\"mode_2\"", "[\"1970-01-01T00:00:00Z\",\"b\",true,1]"));
        assertThat(runner.json("SELECT mode(v) FROM s WHERE time >= 0s AND time < 20s GROUP BY time(5s) fill(-1)"))
                .isEqualTo(series("\"time\",\"mode\"", "[\"1970-01-01T00:00:00Z\",-1],[\"1970-01-01T00:00:05Z\",-1],"
                        + "[\"1970-01-01T00:00:10Z\",1],[\"1970-01-01T00:00:15Z\",9]"));
        assertThat(runner.json("SELECT mode(v), median(v) FROM s WHERE time >= 0s AND time < 20s GROUP BY time(5s) "
                + "ORDER BY time DESC LIMIT 2")).isEqualTo(series("\"time\",\"mode\",\"median\"",
                "[\"1970-01-01T00:00:15Z\",9,9],[\"1970-01-01T00:00:10Z\",1,3]"));
        assertThat(runner.json("SELECT mode(v), h FROM s"))
                .contains("mixing aggregate and non-aggregate queries is not supported");
        assertThat(runner.json("SELECT mode(v, 1) FROM s"))
                .contains("invalid number of arguments for mode, expected 1, got 2");
    }

    @Test
    void topAndBottomWithTagArguments() {
        assertThat(runner.json("SELECT top(v, h, 2) FROM s")).isEqualTo(series("\"time\",\"top\",\"h\"",
                "[\"1970-01-01T00:00:12Z\",4,\"b\"],[\"1970-01-01T00:00:16Z\",9,\"a\"]"));
        assertThat(runner.json("SELECT top(v, h, r, 3), s FROM s")).isEqualTo(series(
                "\"time\",\"top\",\"h\",\"r\",\"s\"", "[\"1970-01-01T00:00:12Z\",4,\"b\",\"y\",\"b\"],"
                        + "[\"1970-01-01T00:00:14Z\",3,\"c\",\"x\",\"b\"],[\"1970-01-01T00:00:16Z\",9,\"a\",\"y\",\"c\"]"));
        assertThat(runner.json("SELECT top(v, s, 2) FROM s")).isEqualTo(series("\"time\",\"top\",\"s\"",
                "[\"1970-01-01T00:00:16Z\",9,\"c\"]"));
        assertThat(runner.json("SELECT top(v, h, h, 3) FROM s")).isEqualTo(series("\"time\",\"top\",\"h\",\"h_1\"",
                "[\"1970-01-01T00:00:12Z\",4,\"b\",\"b\"],[\"1970-01-01T00:00:14Z\",3,\"c\",\"c\"],"
                        + "[\"1970-01-01T00:00:16Z\",9,\"a\",\"a\"]"));
        assertThat(runner.json("SELECT top(v, h, 2) FROM s WHERE time >= 0s AND time < 20s GROUP BY time(5s)"))
                .isEqualTo(series("\"time\",\"top\",\"h\"", "[\"1970-01-01T00:00:12Z\",4,\"b\"],"
                        + "[\"1970-01-01T00:00:14Z\",3,\"c\"],[\"1970-01-01T00:00:16Z\",9,\"a\"]"));
        assertThat(runner.json("SELECT bottom(v, h, 2) FROM s GROUP BY r")).isEqualTo("{\"results\":[{"
                + "\"statement_id\":0,\"series\":[{\"name\":\"s\",\"tags\":{\"r\":\"x\"},\"columns\":[\"time\","
                + "\"bottom\",\"h\"],\"values\":[[\"1970-01-01T00:00:10Z\",1,\"a\"],[\"1970-01-01T00:00:14Z\",3,"
                + "\"c\"]]},{\"name\":\"s\",\"tags\":{\"r\":\"y\"},\"columns\":[\"time\",\"bottom\",\"h\"],"
                + "\"values\":[[\"1970-01-01T00:00:12Z\",4,\"b\"],[\"1970-01-01T00:00:16Z\",9,\"a\"]]}]}]}\n");
        assertThat(runner.json("SELECT top(v, 'h', 2) FROM s")).contains("only fields or tags are allowed in top(), found 'h'");
        assertThat(runner.json("SELECT top(v, h) FROM s")).contains("expected integer as last argument in top(), found h");
        assertThat(runner.json("SELECT top(v, h, 3) FROM s LIMIT 2"))
                .contains("limit (3) in top function can not be larger than the LIMIT (2) in the select statement");
    }

    @Test
    void sampleCoveringEveryPointAnswersThemAtTheirTimes() {
        assertThat(runner.json("SELECT sample(v, 10) FROM s WHERE time >= 0s AND time < 20s GROUP BY time(5s) fill(0)"))
                .isEqualTo(series("\"time\",\"sample\"", "[\"1970-01-01T00:00:10Z\",1],[\"1970-01-01T00:00:12Z\",4],"
                        + "[\"1970-01-01T00:00:14Z\",3],[\"1970-01-01T00:00:16Z\",9]"));
        assertThat(runner.json("SELECT sample(s, 10) FROM s")).isEqualTo(series("\"time\",\"sample\"",
                "[\"1970-01-01T00:00:10Z\",\"a\"],[\"1970-01-01T00:00:12Z\",\"b\"],[\"1970-01-01T00:00:14Z\",\"b\"],"
                        + "[\"1970-01-01T00:00:16Z\",\"c\"]"));
        assertThat(runner.json("SELECT sample(v, 4), h FROM s LIMIT 1")).isEqualTo(series("\"time\",\"sample\",\"h\"",
                "[\"1970-01-01T00:00:10Z\",1,\"a\"]"));
        assertThat(runner.json("SELECT sample(v, 10), mean(v) FROM s")).isEqualTo(series("\"time\",\"sample\",\"mean\"",
                "[\"1970-01-01T00:00:00Z\",null,4.25],[\"1970-01-01T00:00:10Z\",1,null],[\"1970-01-01T00:00:12Z\",4,null],"
                        + "[\"1970-01-01T00:00:14Z\",3,null],[\"1970-01-01T00:00:16Z\",9,null]"));
        assertThat(runner.json("SELECT sample(v, 10), max(v) FROM s WHERE time >= 0s AND time < 20s GROUP BY time(5s)"))
                .isEqualTo(series("\"time\",\"sample\",\"max\"", "[\"1970-01-01T00:00:00Z\",null,null],"
                        + "[\"1970-01-01T00:00:05Z\",null,null],[\"1970-01-01T00:00:10Z\",1,4],[\"1970-01-01T00:00:12Z\",4,null],"
                        + "[\"1970-01-01T00:00:14Z\",3,null],[\"1970-01-01T00:00:15Z\",null,9],[\"1970-01-01T00:00:16Z\",9,null]"));
        assertThat(runner.json("SELECT sample(v, 10), integral(v) FROM s")).isEqualTo(series(
                "\"time\",\"sample\",\"integral\"", "[\"1970-01-01T00:00:00Z\",null,24],[\"1970-01-01T00:00:10Z\",1,null],"
                        + "[\"1970-01-01T00:00:12Z\",4,null],[\"1970-01-01T00:00:14Z\",3,null],[\"1970-01-01T00:00:16Z\",9,null]"));
        assertThat(runner.json("SELECT sample(v, 10), mean(v) FROM s ORDER BY time DESC"))
                .contains("sample() next to other functions with ORDER BY time DESC is not supported by Shardline");
        assertThat(runner.json("SELECT sample(v) FROM s")).contains("invalid number of arguments for sample, expected 2, got 1");
        assertThat(runner.json("SELECT sample(v, 0) FROM s")).contains("sample window must be greater than 1, got 0");
        assertThat(runner.json("SELECT sample(v, 2.5) FROM s")).contains("expected integer argument in sample()");
    }

    @Test
    void integralOverPointsSplitAcrossShards() {
        assertThat(runner.json("SELECT integral(v) FROM k WHERE time >= 0s AND time < 60s GROUP BY time(10s) fill(1)"))
                .isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"k\",\"columns\":[\"time\","
                        + "\"integral\"],\"values\":[[\"1970-01-01T00:00:10Z\",20],[\"1970-01-01T00:00:20Z\","
                        + "26.666666666666664],[\"1970-01-01T00:00:30Z\",10.833333333333332]]}]}]}\n");
        assertThat(runner.json("SELECT integral(v, 10s) FROM i WHERE h = 'a'")).isEqualTo("{\"results\":[{"
                + "\"statement_id\":0,\"series\":[{\"name\":\"i\",\"columns\":[\"time\",\"integral\"],\"values\":["
                + "[\"1970-01-01T00:00:00Z\",2]]}]}]}\n");
        assertThat(runner.json("SELECT integral(v), mean(v) FROM k WHERE time >= 0s AND time < 40s GROUP BY time(10s)"))
                .contains("[[\"1970-01-01T00:00:00Z\",null,null],[\"1970-01-01T00:00:10Z\",20,1],");
        assertThat(runner.json("SELECT integral(v) FROM k WHERE time >= 0s AND time < 40s GROUP BY time(5s) "
                + "ORDER BY time DESC")).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"k\","
                + "\"columns\":[\"time\",\"integral\"],\"values\":[[\"1970-01-01T00:00:40Z\",0],"
                + "[\"1970-01-01T00:00:25Z\",-37.5],[\"1970-01-01T00:00:15Z\",-20]]}]}]}\n");
        assertThat(runner.json("SELECT top(s, h, 2) FROM s"))
                .contains("unsupported max iterator type: *query.stringInterruptIterator");
        assertThat(runner.json("SELECT bottom(b, h, 2) FROM s"))
                .contains("unsupported bottom iterator type: *query.booleanReduceBooleanIterator");
        assertThat(runner.json("SELECT integral(v, 2) FROM k")).contains("second argument must be a duration");
        assertThat(runner.json("SELECT integral(v, 0s) FROM k")).contains("duration argument must be positive, got 0s");
        assertThat(runner.json("SELECT integral(s) FROM s"))
                .contains("unsupported integral iterator type: *query.stringInterruptIterator");
    }
}
