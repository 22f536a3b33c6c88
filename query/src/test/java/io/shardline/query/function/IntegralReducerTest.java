package io.shardline.query.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/** integral: every expected value is InfluxDB 1.6.7's answer for the same points (times in seconds). */
class IntegralReducerTest {

    private static final long S = 1_000_000_000L;

    private static List<AggregatePoint> points(Object... timeValue) {
        List<AggregatePoint> out = new java.util.ArrayList<>();
        for (int i = 0; i < timeValue.length; i += 2) {
            out.add(new AggregatePoint(((Number) timeValue[i]).longValue() * S, timeValue[i + 1], null));
        }
        return out;
    }

    private static LongUnaryOperator window(long seconds) {
        return t -> Math.floorDiv(t, seconds * S) * seconds * S;
    }

    private static List<String> run(List<AggregatePoint> points, long unit, long interval, long start, boolean asc) {
        return IntegralReducer.integrate(points, unit * S, interval == 0 ? null : window(interval), interval * S,
                start * S, asc).stream().map(o -> o.time() / S + "=" + o.value()).toList();
    }

    @Test
    void withoutGroupByTimeFloatsReportZeroAndIntegersTheLowerBound() {
        assertThat(run(points(5, 2.0, 10, 1.0, 20, 1.0, 30, 2.0), 1, 0, 5, true)).containsExactly("0=32.5");
        assertThat(run(points(10, 1L, 20, 3L, 35, 2L), 10, 0, 5, true)).containsExactly("5=5.75");
        assertThat(run(points(10, 1L, 20, 3L), 10, 0, 0, true)).containsExactly("0=2.0");
    }

    @Test
    void bucketsAreCutByInterpolationWithTheIntegerReducersQuirk() {
        assertThat(run(points(5, 2.0, 10, 1.0, 20, 1.0, 30, 2.0), 1, 10, 0, true))
                .containsExactly("0=7.5", "10=10.0", "20=15.0");
        assertThat(run(points(10, 1.0, 20, 3.0, 35, 2.0), 1, 10, 0, true))
                .containsExactly("10=20.0", "20=26.666666666666664", "30=10.833333333333332");
        assertThat(run(points(10, 1L, 20, 3L, 35, 2L), 1, 10, 0, true))
                .containsExactly("10=20.0", "20=26.666666666666664", "30=13.333333333333332");
        assertThat(run(points(10, 1.0, 20, 3.0, 35, 2.0), 1, 20, 10, true)).containsExactly("0=20.0", "20=37.5");
    }

    @Test
    void descendingReportsWindowEndsAndNegativeAreas() {
        assertThat(run(points(5, 2.0, 10, 1.0, 20, 1.0, 30, 2.0), 1, 10, 0, false))
                .containsExactly("40=0.0", "30=-15.0", "20=-10.0", "10=-7.5");
        assertThat(run(points(10, 1L, 20, 3L, 35, 2L), 1, 10, 0, false))
                .containsExactly("40=-10.833333333333336", "30=-21.66666666666667", "20=-20.0");
        // a point on a window's start (its end under DESC) closes the window and reopens it: emitted twice
        assertThat(run(points(12, 1.0, 10, 1.0, 5, 1.0), 1, 10, 0, false))
                .containsExactly("20=-2.0", "20=0.0", "10=-5.0");
    }

    @Test
    void emptyOnePointAndExtremeIntegers() {
        assertThat(run(List.of(), 1, 10, 0, true)).isEmpty();
        assertThat(run(points(12, 4.0), 1, 10, 0, true)).containsExactly("10=0.0");
        assertThat(run(points(10, 4.0), 1, 10, 0, true)).isEmpty(); // the point is its window's start
        assertThat(run(points(0, Long.MAX_VALUE, 2, Long.MAX_VALUE), 1, 0, 0, true))
                .containsExactly("0=" + 2.0 * Long.MAX_VALUE);
    }
}
