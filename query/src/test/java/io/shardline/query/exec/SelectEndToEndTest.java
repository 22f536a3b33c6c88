package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.query.result.EpochFormat;
import io.shardline.query.result.JsonFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole SELECT pipeline over two shards: parse, compile, per-shard execution, merge, JSON. */
class SelectEndToEndTest {

    private static final long T0 = 1_257_894_000_000_000_000L; // 2009-11-10T23:00:00Z
    private static final long S = 1_000_000_000L;

    private final InMemoryShard a = new InMemoryShard()
            .add("cpu", T0, Map.of("value", 1.5, "idle", 10L), "host", "a", "region", "us")
            .add("cpu", T0 + 10 * S, Map.of("value", 3.0), "host", "a", "region", "us")
            .add("mem", T0, Map.of("free", 7L), "host", "a");
    private final InMemoryShard b = new InMemoryShard()
            .add("cpu", T0 + 5 * S, Map.of("value", 2.0, "idle", 20L), "host", "b", "region", "eu")
            .add("cpu", T0 + 20 * S, Map.of("value", 9.5), "host", "b", "region", "eu")
            .add("cpu", T0 + 20 * S, Map.of("value", 9.5), "host", "c");
    private final TestRunner runner = new TestRunner(T0 + 60 * S, a, b);

    @Test
    void rawQueryMergesSeriesOfAMeasurementInTimeOrder() {
        assertThat(runner.json("SELECT value, host FROM cpu")).isEqualTo("{\"results\":[{\"statement_id\":0,"
                + "\"series\":[{\"name\":\"cpu\",\"columns\":[\"time\",\"value\",\"host\"],\"values\":["
                + "[\"2009-11-10T23:00:00Z\",1.5,\"a\"],[\"2009-11-10T23:00:05Z\",2,\"b\"],"
                + "[\"2009-11-10T23:00:10Z\",3,\"a\"],[\"2009-11-10T23:00:20Z\",9.5,\"b\"],"
                + "[\"2009-11-10T23:00:20Z\",9.5,\"c\"]]}]}]}\n");
    }

    @Test
    void selectStarExpandsFieldsAndTagsSortedAndSkipsGroupedTags() {
        assertThat(runner.json("SELECT * FROM cpu WHERE host = 'a' GROUP BY region")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"tags\":{\"region\":\"us\"},"
                        + "\"columns\":[\"time\",\"host\",\"idle\",\"value\"],\"values\":["
                        + "[\"2009-11-10T23:00:00Z\",\"a\",10,1.5],[\"2009-11-10T23:00:10Z\",\"a\",null,3]]}]}]}\n");
    }

    @Test
    void rowsWithoutAnySelectedFieldAreSkipped() {
        assertThat(runner.json("SELECT idle FROM cpu")).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":"
                + "[{\"name\":\"cpu\",\"columns\":[\"time\",\"idle\"],\"values\":[[\"2009-11-10T23:00:00Z\",10],"
                + "[\"2009-11-10T23:00:05Z\",20]]}]}]}\n");
    }

    @Test
    void aggregatesWithoutGroupByTimeReportEpochZeroOrTheLowerBound() {
        assertThat(runner.json("SELECT count(value), mean(value), sum(idle) FROM cpu")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"columns\":[\"time\",\"count\","
                        + "\"mean\",\"sum\"],\"values\":[[\"1970-01-01T00:00:00Z\",5,5.1,30]]}]}]}\n");
        assertThat(runner.json("SELECT max(value) * 2 AS dbl FROM cpu WHERE time > '2009-11-10T23:00:01Z' AND "
                + "time < now() GROUP BY time(1h)")).contains("[\"2009-11-10T23:00:00Z\",19]");
    }

    @Test
    void loneSelectorKeepsThePointTimeAndAuxiliaryFields() {
        assertThat(runner.json("SELECT max(value), host FROM cpu WHERE region = 'us'")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"columns\":[\"time\",\"max\","
                        + "\"host\"],\"values\":[[\"2009-11-10T23:00:10Z\",3,\"a\"]]}]}]}\n");
        // min/max ties go to the earliest point; first/last ties on time go to the larger value.
        assertThat(runner.json("SELECT max(value), host FROM cpu WHERE time >= '2009-11-10T23:00:15Z'"))
                .contains("[\"2009-11-10T23:00:20Z\",9.5,\"b\"]");
    }

    @Test
    void groupByTagEmitsOneSeriesPerTagValueIncludingMissingAsEmpty() {
        assertThat(runner.json("SELECT last(value) FROM cpu GROUP BY region")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":["
                        + "{\"name\":\"cpu\",\"tags\":{\"region\":\"\"},\"columns\":[\"time\",\"last\"],"
                        + "\"values\":[[\"2009-11-10T23:00:20Z\",9.5]]},"
                        + "{\"name\":\"cpu\",\"tags\":{\"region\":\"eu\"},\"columns\":[\"time\",\"last\"],"
                        + "\"values\":[[\"2009-11-10T23:00:20Z\",9.5]]},"
                        + "{\"name\":\"cpu\",\"tags\":{\"region\":\"us\"},\"columns\":[\"time\",\"last\"],"
                        + "\"values\":[[\"2009-11-10T23:00:10Z\",3]]}]}]}\n");
        assertThat(runner.json("SELECT last(value) FROM cpu GROUP BY * SLIMIT 1 SOFFSET 1")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"b\","
                        + "\"region\":\"eu\"},\"columns\":[\"time\",\"last\"],\"values\":"
                        + "[[\"2009-11-10T23:00:20Z\",9.5]]}]}]}\n");
    }

    @Test
    void functionWildcardsAndDuplicateNames() {
        assertThat(runner.json("SELECT mean(*), mean(value) FROM cpu")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"columns\":[\"time\","
                        + "\"mean_idle\",\"mean_value\",\"mean\"],\"values\":[[\"1970-01-01T00:00:00Z\",15,5.1,5.1]]}]}]}\n");
        assertThat(runner.json("SELECT mean(value), mean(value) FROM cpu")).contains(
                "\"columns\":[\"time\",\"mean\",\"mean_1\"]");
    }

    @Test
    void distinctAndCountDistinctAndPercentile() {
        assertThat(runner.json("SELECT distinct(value) FROM cpu")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"columns\":[\"time\","
                        + "\"distinct\"],\"values\":[[\"1970-01-01T00:00:00Z\",1.5],[\"1970-01-01T00:00:00Z\",2],"
                        + "[\"1970-01-01T00:00:00Z\",3],[\"1970-01-01T00:00:00Z\",9.5]]}]}]}\n");
        assertThat(runner.json("SELECT count(distinct(value)) FROM cpu")).contains("[\"1970-01-01T00:00:00Z\",4]");
        assertThat(runner.json("SELECT percentile(value, 50) FROM cpu")).contains(
                "[\"2009-11-10T23:00:10Z\",3]");
        assertThat(runner.json("SELECT median(value) FROM cpu")).contains("[\"1970-01-01T00:00:00Z\",3]");
    }

    @Test
    void severalMeasurementsGiveSeveralSeries() {
        assertThat(runner.json("SELECT count(free), count(value) FROM cpu, mem")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":["
                        + "{\"name\":\"cpu\",\"columns\":[\"time\",\"count\",\"count_1\"],"
                        + "\"values\":[[\"1970-01-01T00:00:00Z\",0,5]]},"
                        + "{\"name\":\"mem\",\"columns\":[\"time\",\"count\",\"count_1\"],"
                        + "\"values\":[[\"1970-01-01T00:00:00Z\",1,0]]}]}]}\n");
    }

    @Test
    void noDataGivesABareResultAndErrorsStopLaterStatements() {
        assertThat(runner.json("SELECT value FROM nothing; SELECT value FROM cpu WHERE host = 'zzz'")).isEqualTo(
                "{\"results\":[{\"statement_id\":0},{\"statement_id\":1}]}\n");
        assertThat(runner.json("SELECT count(value), value FROM cpu; SELECT value FROM cpu")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"error\":\"mixing aggregate and non-aggregate queries is not "
                        + "supported\"},{\"statement_id\":1,\"error\":\"not executed\"}]}\n");
    }

    @Test
    void fieldConditionsAndMixedConditionsFilterRows() {
        assertThat(runner.json("SELECT value FROM cpu WHERE value > 2 AND (host = 'a' OR value > 9)")).contains(
                "\"values\":[[\"2009-11-10T23:00:10Z\",3],[\"2009-11-10T23:00:20Z\",9.5],"
                        + "[\"2009-11-10T23:00:20Z\",9.5]]");
        assertThat(runner.json("SELECT value FROM cpu WHERE region = ''")).contains(
                "\"values\":[[\"2009-11-10T23:00:20Z\",9.5]]");
        assertThat(runner.json("SELECT value FROM cpu WHERE idle != 10")).contains(
                "\"values\":[[\"2009-11-10T23:00:05Z\",2]]");
    }

    @Test
    void epochAndLimits() {
        String json = JsonFormatter.response(runner.results("SELECT value FROM cpu LIMIT 2 OFFSET 1"),
                EpochFormat.fromParam("s"), false);
        assertThat(json).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"columns\":"
                + "[\"time\",\"value\"],\"values\":[[1257894005,2],[1257894010,3]]}]}]}\n");
    }

    @Test
    void groupByTimeWithoutLowerBoundStartsAtTheFirstPointAndEndsAtNow() {
        assertThat(runner.json("SELECT count(value) FROM cpu WHERE host = 'a' GROUP BY time(20s)")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"columns\":[\"time\",\"count\"],"
                        + "\"values\":[[\"2009-11-10T23:00:00Z\",2],[\"2009-11-10T23:00:20Z\",0],"
                        + "[\"2009-11-10T23:00:40Z\",0],[\"2009-11-10T23:01:00Z\",0]]}]}]}\n");
    }

    @Test
    void shippingPlansAndResultsThroughTheCodecsChangesNothing() {
        TestRunner wire = new TestRunner(T0 + 60 * S, a, b).overTheWire();
        for (String q : new String[] {"SELECT value, host FROM cpu", "SELECT * FROM cpu WHERE value::float > 1.25",
                "SELECT max(value), host FROM cpu WHERE region = 'us'",
                "SELECT mean(value) * 2, percentile(value, 40.5) FROM cpu WHERE time >= '2009-11-10T23:00:00Z' "
                        + "GROUP BY time(10s, 5s), * fill(-1.5)",
                "SELECT distinct(value), count(value) FROM cpu", "SELECT stddev(value), spread(idle) FROM cpu",
                "SELECT first(value) FROM cpu WHERE \"host\" =~ /a|b/ GROUP BY time(7s) fill(linear)"}) {
            assertThat(wire.json(q)).as(q).isEqualTo(runner.json(q));
        }
    }
}
