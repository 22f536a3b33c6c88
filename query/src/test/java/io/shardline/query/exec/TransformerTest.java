package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.query.QueryException;
import io.shardline.query.plan.Transforms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transformations on their edge cases: no points, one point, equal times, int64 wrap, descending time. */
class TransformerTest {

    private static final long S = 1_000_000_000L;

    private record Out(long time, Object value) {
    }

    private static List<Out> run(String name, long interval, int n, boolean ascending, long[] times, Object... values) {
        List<Out> out = new ArrayList<>();
        Transformer.run(new Transforms.Transform(name, interval, n), ascending, times, List.of(values),
                (t, v) -> out.add(new Out(t, v)));
        return out;
    }

    @Test
    void nothingComesOutOfNoPointsOrOnePoint() {
        for (String f : List.of("derivative", "non_negative_derivative", "difference", "non_negative_difference",
                "elapsed")) {
            assertThat(run(f, S, 0, true, new long[0])).isEmpty();
            assertThat(run(f, S, 0, true, new long[] {5}, 1.0)).isEmpty();
        }
        assertThat(run("moving_average", 0, 2, true, new long[] {5}, 1.0)).isEmpty();
        assertThat(run("cumulative_sum", 0, 0, true, new long[] {5}, 2L)).containsExactly(new Out(5, 2L));
    }

    @Test
    void derivativeSkipsAPointAtTheCurrentTimeAndScalesByTheUnit() {
        assertThat(run("derivative", S, 0, true, new long[] {0, 0, 2 * S, 4 * S}, 1.0, 100.0, 5.0, 3.0))
                .containsExactly(new Out(2 * S, 2.0), new Out(4 * S, -1.0));
        assertThat(run("non_negative_derivative", 60 * S, 0, true, new long[] {0, 30 * S, 60 * S}, 10L, 20L, 5L))
                .containsExactly(new Out(30 * S, 20.0));
    }

    @Test
    void descendingTimeNegatesTheElapsedTimeSoTheIntervalStaysPositive() {
        // rows come newest first: 3 at 2s, then 1 at 0s: a change of -2 in output order over 2 s, so -1/s
        assertThat(run("derivative", S, 0, false, new long[] {2 * S, 0}, 3.0, 1.0))
                .containsExactly(new Out(0, -1.0));
        assertThat(run("elapsed", 1, 0, false, new long[] {2 * S, 0}, 3.0, 1.0)).containsExactly(new Out(0, -2 * S));
    }

    @Test
    void integerDifferencesAndSumsWrapLikeInt64() {
        assertThat(run("difference", 0, 0, true, new long[] {0, 1}, Long.MIN_VALUE, Long.MAX_VALUE))
                .containsExactly(new Out(1, -1L));
        assertThat(run("cumulative_sum", 0, 0, true, new long[] {0, 1}, Long.MAX_VALUE, 1L))
                .containsExactly(new Out(0, Long.MAX_VALUE), new Out(1, Long.MIN_VALUE));
        // the derivative of integers subtracts in int64 first, then converts
        assertThat(run("derivative", 1, 0, true, new long[] {0, 1}, Long.MIN_VALUE, Long.MAX_VALUE))
                .containsExactly(new Out(1, -1.0));
        assertThat(run("non_negative_difference", 0, 0, true, new long[] {0, 1, 2}, 5L, 3L, 4L))
                .containsExactly(new Out(2, 1L));
    }

    @Test
    void movingAverageKeepsAWindowOfNValues() {
        assertThat(run("moving_average", 0, 2, true, new long[] {0, 1, 2}, 1L, 2L, 4L))
                .containsExactly(new Out(1, 1.5), new Out(2, 3.0));
        assertThat(run("moving_average", 0, 3, true, new long[] {0, 1, 2, 3}, 0.5, 1.0, 2.0, 4.0))
                .containsExactly(new Out(2, 3.5 / 3), new Out(3, 7.0 / 3));
    }

    @Test
    void elapsedCountsWholeUnitsAndAcceptsAnyType() {
        assertThat(run("elapsed", S, 0, true, new long[] {0, 1_500_000_000L, 2 * S}, "a", true, 1.0))
                .containsExactly(new Out(1_500_000_000L, 1L), new Out(2 * S, 0L));
    }

    @Test
    void nonNumericInputGetsOnexsIteratorError() {
        assertThatThrownBy(() -> run("moving_average", 0, 2, true, new long[] {0}, "x"))
                .isInstanceOf(QueryException.class)
                .hasMessage("unsupported moving average iterator type: *query.stringInterruptIterator");
        assertThatThrownBy(() -> run("non_negative_derivative", S, 0, true, new long[] {0}, true))
                .hasMessage("unsupported derivative iterator type: *query.booleanInterruptIterator");
    }
}
