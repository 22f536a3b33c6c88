package io.shardline.query.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** top/bottom: the N best by value then earlier time, emitted by time; merging shards gives the same. */
class TopAccumulatorTest {

    private static List<Long> times(List<AggregatePoint> points) {
        return points.stream().map(AggregatePoint::time).toList();
    }

    @Test
    void keepsTheBestNByValueThenEarlierTimeAndEmitsThemByTime() {
        Accumulator top = AggregateFunction.TOP.newAccumulator(2);
        top.add(5, 1.0, null);
        top.add(1, 3.0, null);
        top.add(4, 3.0, null); // same value as t=1, later: loses the tie
        top.add(3, 2.0, null);
        assertThat(times(top.emit())).containsExactly(1L, 4L);
        assertThat(top.emit().get(0).value()).isEqualTo(3.0);

        Accumulator bottom = AggregateFunction.BOTTOM.newAccumulator(2);
        for (long t = 0; t < 5; t++) {
            bottom.add(t, 10L - t % 3, null); // 10, 9, 8, 10, 9
        }
        assertThat(times(bottom.emit())).containsExactly(1L, 2L);
    }

    @Test
    void mergedShardsGiveTheOneShotAnswerAndEmptyGivesNothing() {
        Accumulator a = AggregateFunction.TOP.newAccumulator(3);
        Accumulator b = AggregateFunction.TOP.newAccumulator(3);
        Accumulator all = AggregateFunction.TOP.newAccumulator(3);
        for (long t = 0; t < 20; t++) {
            double v = (t * 7) % 11;
            (t < 10 ? a : b).add(t, v, null);
            all.add(t, v, null);
        }
        Accumulator merged = AggregateFunction.TOP.newAccumulator(3);
        merged.merge(b.partial());
        merged.merge(a.partial());
        assertThat(merged.emit()).isEqualTo(all.emit());
        assertThat(AggregateFunction.BOTTOM.newAccumulator(1).emit()).isEmpty();
        Accumulator one = AggregateFunction.TOP.newAccumulator(5);
        one.add(7, Long.MIN_VALUE, new Object[] {"x"});
        AggregatePoint p = one.emit().get(0);
        assertThat(p.time()).isEqualTo(7);
        assertThat(p.value()).isEqualTo(Long.MIN_VALUE);
        assertThat(p.aux()).containsExactly("x");
    }
}
