package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How many GROUP BY intervals before the range transformations read, as in InfluxDB 1.6.7: one per range-extending
 * transformation of a chain, but no further than the statement's shard mapping reaches (the largest moving_average
 * window or technical-analysis period of any field, else one).
 */
class TransformLookbackTest {

    private static final long T0 = 1_257_894_000_000_000_000L; // 2009-11-10T23:00:00Z
    private static final long S = 1_000_000_000L;
    private static final String RANGE = " FROM cpu WHERE time >= '2009-11-10T23:00:30Z' AND time < '2009-11-10T23:01:00Z'"
            + " GROUP BY time(10s)";

    // mean per 10 s bucket from T0: 1, 4, 2, 8, 3, 9; derivative per 10 s from T0+10s: 3, -2, 6, -5, 6
    private final TestRunner runner = new TestRunner(T0 + 120 * S,
            new InMemoryShard().add("cpu", T0, Map.of("value", 1.0), "host", "a")
                    .add("cpu", T0 + 20 * S, Map.of("value", 2.0), "host", "a")
                    .add("cpu", T0 + 40 * S, Map.of("value", 3.0), "host", "a"),
            new InMemoryShard().add("cpu", T0 + 10 * S, Map.of("value", 4.0), "host", "a")
                    .add("cpu", T0 + 30 * S, Map.of("value", 8.0), "host", "a")
                    .add("cpu", T0 + 50 * S, Map.of("value", 9.0), "host", "a"));

    private String values(String q) {
        String json = runner.json(q);
        return json.substring(json.indexOf("\"values\""), json.indexOf("]]}") + 2);
    }

    @Test
    void aMovingAverageOverADerivativeReadsTwoIntervals() {
        // the derivative at 23:00:20 (from the mean at 23:00:10) is the moving average's first input
        assertThat(values("SELECT moving_average(derivative(mean(value)), 2)" + RANGE)).isEqualTo(
                "\"values\":[[\"2009-11-10T23:00:30Z\",2],[\"2009-11-10T23:00:40Z\",0.5],"
                        + "[\"2009-11-10T23:00:50Z\",0.5]]");
        // descending, the two intervals after the range hold nothing: derivatives -6 at 23:00:40 and 5 at 23:00:30
        assertThat(values("SELECT moving_average(derivative(mean(value)), 2)" + RANGE + " ORDER BY time DESC"))
                .isEqualTo("\"values\":[[\"2009-11-10T23:00:30Z\",-0.5]]");
    }

    @Test
    void aChainWithoutAWindowReadsOneInterval() {
        // 1.x's shard mapping reaches one interval back, so the derivative starts at 23:00:30 and the difference later
        assertThat(values("SELECT difference(derivative(mean(value)))" + RANGE)).isEqualTo(
                "\"values\":[[\"2009-11-10T23:00:40Z\",-11],[\"2009-11-10T23:00:50Z\",11]]");
    }

    @Test
    void aLoneMovingAverageReadsOneIntervalWhateverItsWindow() {
        assertThat(values("SELECT moving_average(mean(value), 3)" + RANGE)).isEqualTo(
                "\"values\":[[\"2009-11-10T23:00:40Z\",4.333333333333333],[\"2009-11-10T23:00:50Z\",6.666666666666667]]");
    }

    @Test
    void eachFieldReadsWhatItsOwnChainReads() {
        // the statement reads two intervals for the second field; the first still starts one interval back
        assertThat(values("SELECT difference(mean(value)), moving_average(derivative(mean(value)), 2)" + RANGE))
                .isEqualTo("\"values\":[[\"2009-11-10T23:00:30Z\",6,2],[\"2009-11-10T23:00:40Z\",-5,0.5],"
                        + "[\"2009-11-10T23:00:50Z\",6,0.5]]");
        // a window elsewhere in the statement lets a chain without one read its two intervals
        assertThat(values("SELECT difference(derivative(mean(value))), moving_average(mean(value), 3)" + RANGE))
                .isEqualTo("\"values\":[[\"2009-11-10T23:00:30Z\",8,null],"
                        + "[\"2009-11-10T23:00:40Z\",-11,4.333333333333333],"
                        + "[\"2009-11-10T23:00:50Z\",11,6.666666666666667]]");
    }
}
