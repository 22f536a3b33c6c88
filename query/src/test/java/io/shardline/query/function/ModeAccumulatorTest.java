package io.shardline.query.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** mode: 1.x's ModeReduceSlice choice, including its tie rule, over any split of the points. */
class ModeAccumulatorTest {

    private static Object mode(Object[][] points) {
        Accumulator a = AggregateFunction.MODE.newAccumulator(0);
        for (Object[] p : points) {
            a.add((Long) p[0], p[1], null);
        }
        List<AggregatePoint> out = a.emit();
        return out.isEmpty() ? null : out.get(0).value();
    }

    @Test
    void emptyGivesNothingOnePointGivesItsValue() {
        assertThat(AggregateFunction.MODE.newAccumulator(0).emit()).isEmpty();
        assertThat(mode(new Object[][] {{5L, Long.MAX_VALUE}})).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theMostFrequentValueWins() {
        assertThat(mode(new Object[][] {{1L, 3.0}, {2L, 1.0}, {3L, 3.0}, {4L, 2.0}})).isEqualTo(3.0);
        assertThat(mode(new Object[][] {{1L, "b"}, {2L, "a"}, {3L, "b"}})).isEqualTo("b");
        assertThat(mode(new Object[][] {{1L, true}, {2L, false}, {3L, true}})).isEqualTo(true);
    }

    @Test
    void allDistinctGivesTheSmallest() {
        assertThat(mode(new Object[][] {{1L, 9L}, {2L, Long.MIN_VALUE}, {3L, 4L}})).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void aTieGoesToTheLargerValueWhenItStartedBeforeTheSmallerOneEnded() {
        // checked against InfluxDB 1.6.7: 1 at 10s and 20s, 2 at 5s and 30s -> 2
        assertThat(mode(new Object[][] {{5L, 2L}, {10L, 1L}, {20L, 1L}, {30L, 2L}})).isEqualTo(2L);
        // 1 at 1, 2; 2 at 3, 4: the larger value starts after the smaller one's last point -> 1
        assertThat(mode(new Object[][] {{1L, 1L}, {2L, 1L}, {3L, 2L}, {4L, 2L}})).isEqualTo(1L);
        // false at 12, 14; true at 10, 16 -> true (1.6.7)
        assertThat(mode(new Object[][] {{10L, true}, {12L, false}, {14L, false}, {16L, true}})).isEqualTo(true);
    }

    @Test
    void mergingPartialsGivesTheOneShotAnswerThroughTheCodec() {
        Accumulator a = AggregateFunction.MODE.newAccumulator(0);
        Accumulator b = AggregateFunction.MODE.newAccumulator(0);
        Accumulator all = AggregateFunction.MODE.newAccumulator(0);
        for (long t = 0; t < 40; t++) {
            long v = (t * 7) % 5;
            (t % 3 == 0 ? a : b).add(t, v, null);
            all.add(t, v, null);
        }
        Accumulator merged = AggregateFunction.MODE.newAccumulator(0);
        merged.merge(PartialStateCodec.decode(PartialStateCodec.encode(a.partial())));
        merged.merge(PartialStateCodec.decode(PartialStateCodec.encode(b.partial())));
        assertThat(merged.emit()).isEqualTo(all.emit());
        assertThat(((ModeState) merged.partial()).entries()).hasSize(5);
    }
}
