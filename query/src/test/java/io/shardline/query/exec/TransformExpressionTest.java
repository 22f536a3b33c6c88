package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Transformations inside arithmetic and math functions, evaluated like 1.x's cursor: one column per call, rows at
 * the union of their times, the scanner default for a call without a point, LIMIT/OFFSET per call.
 */
class TransformExpressionTest {

    private static final long T0 = 1_257_894_000_000_000_000L; // 2009-11-10T23:00:00Z
    private static final long S = 1_000_000_000L;
    private static final String RANGE = " FROM cpu WHERE time >= '2009-11-10T23:00:00Z' AND time < '2009-11-10T23:00:40Z'"
            + " GROUP BY time(10s)";

    // mean per 10 s bucket: 1, 4, 2, 8 (two shards, so the merge runs); derivative per 10 s: 3, -2, 6
    private final TestRunner runner = new TestRunner(T0 + 60 * S,
            new InMemoryShard().add("cpu", T0, Map.of("value", 1.0), "host", "a")
                    .add("cpu", T0 + 20 * S, Map.of("value", 2.0), "host", "a"),
            new InMemoryShard().add("cpu", T0 + 10 * S, Map.of("value", 4.0), "host", "a")
                    .add("cpu", T0 + 30 * S, Map.of("value", 8.0), "host", "a"));

    private String values(String q) {
        String json = runner.json(q);
        return json.substring(json.indexOf("\"columns\""), json.indexOf("]]}") + 2);
    }

    @Test
    void aTransformationTimesALiteralKeepsTheTransformationsRowsAndName() {
        assertThat(values("SELECT derivative(mean(value)) * 2" + RANGE)).isEqualTo(
                "\"columns\":[\"time\",\"derivative\"],\"values\":[[\"2009-11-10T23:00:10Z\",6],"
                        + "[\"2009-11-10T23:00:20Z\",-4],[\"2009-11-10T23:00:30Z\",12]]");
        assertThat(values("SELECT abs(derivative(mean(value)))" + RANGE)).isEqualTo(
                "\"columns\":[\"time\",\"abs\"],\"values\":[[\"2009-11-10T23:00:10Z\",3],"
                        + "[\"2009-11-10T23:00:20Z\",2],[\"2009-11-10T23:00:30Z\",6]]");
    }

    @Test
    void aTransformationMinusAnAggregateHasARowWhereOnlyTheAggregateHasAPoint() {
        assertThat(values("SELECT derivative(mean(value)) - mean(value)" + RANGE)).isEqualTo(
                "\"columns\":[\"time\",\"derivative_mean\"],\"values\":[[\"2009-11-10T23:00:00Z\",null],"
                        + "[\"2009-11-10T23:00:10Z\",-1],[\"2009-11-10T23:00:20Z\",-4],"
                        + "[\"2009-11-10T23:00:30Z\",-2]]");
        assertThat(values("SELECT cumulative_sum(sum(value)) - sum(value)" + RANGE)).isEqualTo(
                "\"columns\":[\"time\",\"cumulative_sum_sum\"],\"values\":[[\"2009-11-10T23:00:00Z\",0],"
                        + "[\"2009-11-10T23:00:10Z\",1],[\"2009-11-10T23:00:20Z\",5],[\"2009-11-10T23:00:30Z\",7]]");
    }

    @Test
    void aCallWithoutAPointAtARowReadsTheFillDefault() {
        // fill(0) also fills the extra bucket before the range, so the derivative starts at the range's start
        assertThat(values("SELECT non_negative_derivative(mean(value)), mean(value)" + RANGE + " fill(0)"))
                .isEqualTo("\"columns\":[\"time\",\"non_negative_derivative\",\"mean\"],\"values\":["
                        + "[\"2009-11-10T23:00:00Z\",1,1],[\"2009-11-10T23:00:10Z\",3,4],"
                        + "[\"2009-11-10T23:00:20Z\",0,2],[\"2009-11-10T23:00:30Z\",6,8]]");
        assertThat(values("SELECT non_negative_derivative(mean(value)) + mean(value)" + RANGE + " fill(previous)"))
                .isEqualTo("\"columns\":[\"time\",\"non_negative_derivative_mean\"],\"values\":["
                        + "[\"2009-11-10T23:00:00Z\",null],[\"2009-11-10T23:00:10Z\",7],"
                        + "[\"2009-11-10T23:00:20Z\",5],[\"2009-11-10T23:00:30Z\",14]]");
    }

    @Test
    void limitAndOffsetCutEachCallOnItsOwn() {
        assertThat(values("SELECT derivative(mean(value)), mean(value)" + RANGE + " LIMIT 1")).isEqualTo(
                "\"columns\":[\"time\",\"derivative\",\"mean\"],\"values\":[[\"2009-11-10T23:00:00Z\",null,1],"
                        + "[\"2009-11-10T23:00:10Z\",3,null]]");
        assertThat(values("SELECT derivative(mean(value)), mean(value)" + RANGE + " LIMIT 1 OFFSET 1")).isEqualTo(
                "\"columns\":[\"time\",\"derivative\",\"mean\"],\"values\":[[\"2009-11-10T23:00:10Z\",null,4],"
                        + "[\"2009-11-10T23:00:20Z\",-2,null]]");
        // so a sum of the two has no row where both have a point
        assertThat(values("SELECT derivative(mean(value)) + mean(value)" + RANGE + " LIMIT 1 OFFSET 1")).isEqualTo(
                "\"columns\":[\"time\",\"derivative_mean\"],\"values\":[[\"2009-11-10T23:00:10Z\",null],"
                        + "[\"2009-11-10T23:00:20Z\",null]]");
    }

    @Test
    void rawTransformationsCombine() {
        assertThat(values("SELECT derivative(value, 10s) + difference(value) FROM cpu")).isEqualTo(
                "\"columns\":[\"time\",\"derivative_difference\"],\"values\":[[\"2009-11-10T23:00:10Z\",6],"
                        + "[\"2009-11-10T23:00:20Z\",-4],[\"2009-11-10T23:00:30Z\",12]]");
    }

    @Test
    void aTransformationOfDistinctReadsEveryDistinctValueAtItsBucketsTime() {
        TestRunner distinct = new TestRunner(T0 + 60 * S,
                new InMemoryShard().add("cpu", T0, Map.of("value", 1.0), "host", "a")
                        .add("cpu", T0 + 10 * S, Map.of("value", 3.0), "host", "a"),
                new InMemoryShard().add("cpu", T0 + S, Map.of("value", 3.0), "host", "a")
                        .add("cpu", T0 + 12 * S, Map.of("value", 5.0), "host", "a"));
        String range = " FROM cpu WHERE time >= '2009-11-10T23:00:00Z' AND time < '2009-11-10T23:00:20Z'"
                + " GROUP BY time(10s)";
        String json = distinct.json("SELECT cumulative_sum(distinct(value)), derivative(distinct(value)), mean(value)"
                + range);
        // distinct values by first time: 1, 3 | 3, 5; the derivative skips points at the time it already has
        assertThat(json).contains("\"values\":[[\"2009-11-10T23:00:00Z\",1,null,2],[\"2009-11-10T23:00:00Z\",4,null,null],"
                + "[\"2009-11-10T23:00:10Z\",7,2,4],[\"2009-11-10T23:00:10Z\",12,null,null]]");
    }

    @Test
    void nestedTransformationsFeedTheInnerOutputToTheOuterOne() {
        // difference: 3, -2, 6; its difference: -5, 8
        assertThat(values("SELECT difference(difference(mean(value)))" + RANGE)).isEqualTo(
                "\"columns\":[\"time\",\"difference\"],\"values\":[[\"2009-11-10T23:00:20Z\",-5],"
                        + "[\"2009-11-10T23:00:30Z\",8]]");
        assertThat(values("SELECT cumulative_sum(derivative(mean(value))) * 2" + RANGE)).isEqualTo(
                "\"columns\":[\"time\",\"cumulative_sum\"],\"values\":[[\"2009-11-10T23:00:10Z\",6],"
                        + "[\"2009-11-10T23:00:20Z\",2],[\"2009-11-10T23:00:30Z\",14]]");
    }
}
