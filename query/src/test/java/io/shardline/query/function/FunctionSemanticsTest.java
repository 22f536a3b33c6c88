package io.shardline.query.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.query.QueryException;
import io.shardline.query.value.Unsigned;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 1.x result types and tie rules of each function. */
class FunctionSemanticsTest {

    private static List<AggregatePoint> run(AggregateFunction f, double arg, Object... timeValuePairs) {
        Accumulator a = f.newAccumulator(arg);
        for (int i = 0; i < timeValuePairs.length; i += 2) {
            a.add((Long) timeValuePairs[i], timeValuePairs[i + 1], new Object[] {"p" + i / 2});
        }
        return a.emit();
    }

    private static Object value(AggregateFunction f, Object... pairs) {
        return run(f, 0, pairs).get(0).value();
    }

    @Test
    void resultTypes() {
        assertThat(value(AggregateFunction.COUNT, 1L, 1.5, 2L, 2.5)).isEqualTo(2L);
        assertThat(value(AggregateFunction.SUM, 1L, 1L, 2L, 2L)).isEqualTo(3L);
        assertThat(value(AggregateFunction.SUM, 1L, 1.5, 2L, 2.0)).isEqualTo(3.5);
        assertThat(value(AggregateFunction.SUM, 1L, new Unsigned(-1), 2L, new Unsigned(2)))
                .isEqualTo(new Unsigned(1));
        assertThat(value(AggregateFunction.MEAN, 1L, 1L, 2L, 2L)).isEqualTo(1.5);
        assertThat(value(AggregateFunction.SPREAD, 1L, 4L, 2L, 9L)).isEqualTo(5L);
        assertThat(value(AggregateFunction.MEDIAN, 1L, 4L, 2L, 9L, 3L, 1L, 4L, 3L)).isEqualTo(3.5);
        assertThat(value(AggregateFunction.MEDIAN, 1L, 4L, 2L, 9L, 3L, 1L)).isEqualTo(4.0);
        assertThat(value(AggregateFunction.STDDEV, 1L, 2.0, 2L, 4.0, 3L, 4.0, 4L, 4.0, 5L, 5.0, 6L, 5.0, 7L, 7.0,
                8L, 9.0)).isEqualTo(2.138089935299395);
        assertThat(run(AggregateFunction.STDDEV, 0, 1L, 2.0)).containsExactly(AggregatePoint.of(null));
        assertThat(value(AggregateFunction.COUNT_DISTINCT, 1L, "a", 2L, "b", 3L, "a")).isEqualTo(2L);
    }

    @Test
    void minMaxTiesGoToTheEarliestPoint() {
        List<AggregatePoint> max = run(AggregateFunction.MAX, 0, 5L, 3.0, 2L, 3.0, 9L, 1.0);
        assertThat(max.get(0).time()).isEqualTo(2L);
        assertThat(max.get(0).aux()).containsExactly("p1");
        List<AggregatePoint> min = run(AggregateFunction.MIN, 0, 5L, 1.0, 2L, 1.0, 9L, 3.0);
        assertThat(min.get(0).time()).isEqualTo(2L);
        assertThat(value(AggregateFunction.MAX, 1L, false, 2L, true)).isEqualTo(true);
    }

    @Test
    void firstLastTiesOnTimeGoToTheLargerValue() {
        assertThat(value(AggregateFunction.FIRST, 3L, 1.0, 1L, 2.0, 1L, 7.0, 1L, 5.0)).isEqualTo(7.0);
        assertThat(value(AggregateFunction.LAST, 9L, 1.0, 9L, 8.0, 2L, 20.0)).isEqualTo(8.0);
        assertThat(value(AggregateFunction.LAST, 9L, "a", 9L, "b")).isEqualTo("b");
        assertThat(value(AggregateFunction.FIRST, 9L, false, 9L, true)).isEqualTo(true);
    }

    @Test
    void percentileIsNearestRankAndSelectsThePoint() {
        Object[] pts = {10L, 1L, 20L, 2L, 30L, 3L, 40L, 4L, 50L, 5L, 60L, 6L, 70L, 7L, 80L, 8L, 90L, 9L, 100L, 10L};
        assertThat(run(AggregateFunction.PERCENTILE, 50, pts).get(0)).satisfies(p -> {
            assertThat(p.value()).isEqualTo(5L);
            assertThat(p.time()).isEqualTo(50L);
            assertThat(p.aux()).containsExactly("p4");
        });
        assertThat(run(AggregateFunction.PERCENTILE, 90, pts).get(0).value()).isEqualTo(9L);
        assertThat(run(AggregateFunction.PERCENTILE, 100, pts).get(0).value()).isEqualTo(10L);
        assertThat(run(AggregateFunction.PERCENTILE, 5, pts).get(0).value()).isEqualTo(1L);
        assertThat(run(AggregateFunction.PERCENTILE, 4, pts)).isEmpty();
        assertThat(run(AggregateFunction.PERCENTILE, 106, pts)).isEmpty();
    }

    @Test
    void distinctOrdersByFirstSeenTimeThenValue() {
        List<AggregatePoint> d = run(AggregateFunction.DISTINCT, 0, 5L, "b", 1L, "z", 5L, "a", 9L, "z");
        assertThat(d).extracting(AggregatePoint::value).containsExactly("z", "a", "b");
        assertThat(d).allMatch(p -> p.time() == AggregatePoint.NO_TIME);
    }

    @Test
    void unsupportedTypesAreRejectedWith1xIteratorText() {
        assertThatThrownBy(() -> run(AggregateFunction.MEAN, 0, 1L, "x")).isInstanceOf(QueryException.class)
                .hasMessage("unsupported mean iterator type: *query.stringInterruptIterator");
        assertThatThrownBy(() -> run(AggregateFunction.MAX, 0, 1L, "x")).isInstanceOf(QueryException.class);
    }

    @Test
    void emptyAccumulatorsEmitNothing() {
        for (AggregateFunction f : AggregateFunction.values()) {
            assertThat(f.newAccumulator(50).emit()).as(f.name()).isEmpty();
            Accumulator merged = f.newAccumulator(50);
            merged.merge(PartialStateCodec.decode(PartialStateCodec.encode(f.newAccumulator(50).partial())));
            assertThat(merged.emit()).as(f.name()).isEmpty();
        }
    }
}
