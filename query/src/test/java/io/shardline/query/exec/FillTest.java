package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fill() table of 1.x's server_test: points 3@:02, 5@:03, 4@:06, 10@:16; time(5s) over [:00, :20). */
class FillTest {

    private static final long T0 = 1_257_894_000_000_000_000L; // 2009-11-10T23:00:00Z
    private static final long S = 1_000_000_000L;
    private static final String WHERE = " FROM fills WHERE time >= '2009-11-10T23:00:00Z' AND "
            + "time < '2009-11-10T23:00:20Z' GROUP BY time(5s)";

    private final TestRunner runner = new TestRunner(T0 + 3600 * S, new InMemoryShard()
            .add("fills", T0 + 2 * S, Map.of("val", 3L))
            .add("fills", T0 + 3 * S, Map.of("val", 5L))
            .add("fills", T0 + 6 * S, Map.of("val", 4L))
            .add("fills", T0 + 16 * S, Map.of("val", 10L)));

    private static String series(String column, String rows) {
        return "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"fills\",\"columns\":[\"time\",\"" + column
                + "\"],\"values\":[" + rows + "]}]}]}\n";
    }

    @Test
    void meanWithDefaultFillIsNull() {
        assertThat(runner.json("SELECT mean(val)" + WHERE)).isEqualTo(series("mean",
                "[\"2009-11-10T23:00:00Z\",4],[\"2009-11-10T23:00:05Z\",4],[\"2009-11-10T23:00:10Z\",null],"
                        + "[\"2009-11-10T23:00:15Z\",10]"));
    }

    @Test
    void fillNumber() {
        assertThat(runner.json("SELECT mean(val)" + WHERE + " fill(1)")).isEqualTo(series("mean",
                "[\"2009-11-10T23:00:00Z\",4],[\"2009-11-10T23:00:05Z\",4],[\"2009-11-10T23:00:10Z\",1],"
                        + "[\"2009-11-10T23:00:15Z\",10]"));
    }

    @Test
    void fillPrevious() {
        assertThat(runner.json("SELECT mean(val)" + WHERE + " fill(previous)")).isEqualTo(series("mean",
                "[\"2009-11-10T23:00:00Z\",4],[\"2009-11-10T23:00:05Z\",4],[\"2009-11-10T23:00:10Z\",4],"
                        + "[\"2009-11-10T23:00:15Z\",10]"));
    }

    @Test
    void fillPreviousUnderOrderByTimeDescCarriesTheLaterBucket() {
        // 1.x's fill iterator walks the buckets in output order (checked against InfluxDB 1.6.7)
        assertThat(runner.json("SELECT mean(val)" + WHERE + " fill(previous) ORDER BY time DESC")).isEqualTo(
                series("mean", "[\"2009-11-10T23:00:15Z\",10],[\"2009-11-10T23:00:10Z\",10],"
                        + "[\"2009-11-10T23:00:05Z\",4],[\"2009-11-10T23:00:00Z\",4]"));
    }

    @Test
    void fillNoneDropsEmptyBuckets() {
        assertThat(runner.json("SELECT mean(val)" + WHERE + " fill(none)")).isEqualTo(series("mean",
                "[\"2009-11-10T23:00:00Z\",4],[\"2009-11-10T23:00:05Z\",4],[\"2009-11-10T23:00:15Z\",10]"));
    }

    @Test
    void fillLinearInterpolatesBetweenKnownBuckets() {
        assertThat(runner.json("SELECT mean(val)" + WHERE + " fill(linear)")).isEqualTo(series("mean",
                "[\"2009-11-10T23:00:00Z\",4],[\"2009-11-10T23:00:05Z\",4],[\"2009-11-10T23:00:10Z\",7],"
                        + "[\"2009-11-10T23:00:15Z\",10]"));
    }

    @Test
    void countReportsZeroForEmptyBuckets() {
        assertThat(runner.json("SELECT count(val)" + WHERE)).isEqualTo(series("count",
                "[\"2009-11-10T23:00:00Z\",2],[\"2009-11-10T23:00:05Z\",1],[\"2009-11-10T23:00:10Z\",0],"
                        + "[\"2009-11-10T23:00:15Z\",1]"));
    }

    @Test
    void countWithExplicitFillPreviousDoesNotUseZero() {
        assertThat(runner.json("SELECT count(val)" + WHERE + " fill(previous)")).isEqualTo(series("count",
                "[\"2009-11-10T23:00:00Z\",2],[\"2009-11-10T23:00:05Z\",1],[\"2009-11-10T23:00:10Z\",1],"
                        + "[\"2009-11-10T23:00:15Z\",1]"));
    }

    @Test
    void integerColumnCastsFloatFillValue() {
        assertThat(runner.json("SELECT sum(val)" + WHERE + " fill(1.5)")).isEqualTo(series("sum",
                "[\"2009-11-10T23:00:00Z\",8],[\"2009-11-10T23:00:05Z\",4],[\"2009-11-10T23:00:10Z\",1],"
                        + "[\"2009-11-10T23:00:15Z\",10]"));
    }

    @Test
    void descendingOrderAndLimit() {
        assertThat(runner.json("SELECT count(val)" + WHERE + " ORDER BY time DESC LIMIT 2")).isEqualTo(
                series("count", "[\"2009-11-10T23:00:15Z\",1],[\"2009-11-10T23:00:10Z\",0]"));
    }

    @Test
    void fillLinearInterpolatesOnlyBetweenRealBucketsAndTruncatesIntegersLike1x() {
        TestRunner floats = new TestRunner(T0 + 3600 * S, new InMemoryShard()
                .add("fills", T0, Map.of("val", 49.402))
                .add("fills", T0 + 16 * S, Map.of("val", 39.263)));
        // 1.x: m*x+b from the real neighbours; interpolating from filled buckets would give 41.79774999999999
        assertThat(floats.json("SELECT mean(val) FROM fills WHERE time >= '2009-11-10T23:00:00Z' AND "
                + "time < '2009-11-10T23:00:20Z' GROUP BY time(4s) fill(linear)")).isEqualTo(series("mean",
                "[\"2009-11-10T23:00:00Z\",49.402],[\"2009-11-10T23:00:04Z\",46.86725],"
                        + "[\"2009-11-10T23:00:08Z\",44.332499999999996],[\"2009-11-10T23:00:12Z\",41.79775],"
                        + "[\"2009-11-10T23:00:16Z\",39.263]"));
        TestRunner ints = new TestRunner(T0 + 3600 * S, new InMemoryShard()
                .add("fills", T0, Map.of("val", 1L))
                .add("fills", T0 + 12 * S, Map.of("val", -2L)));
        // int64(m*x + b): 1 - 0.75 = 0.25 -> 0, where int64(m*x) + b would give 1
        assertThat(ints.json("SELECT sum(val) FROM fills WHERE time >= '2009-11-10T23:00:00Z' AND "
                + "time < '2009-11-10T23:00:16Z' GROUP BY time(3s) fill(linear)")).isEqualTo(series("sum",
                "[\"2009-11-10T23:00:00Z\",1],[\"2009-11-10T23:00:03Z\",0],[\"2009-11-10T23:00:06Z\",0],"
                        + "[\"2009-11-10T23:00:09Z\",-1],[\"2009-11-10T23:00:12Z\",-2],[\"2009-11-10T23:00:15Z\",null]"));
    }
}
