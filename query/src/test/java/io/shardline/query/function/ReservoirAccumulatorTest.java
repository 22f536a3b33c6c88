package io.shardline.query.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** sample: every point when N covers them, N distinct input points otherwise, by time then value; merges too. */
class ReservoirAccumulatorTest {

    @Test
    void nCoveringThePointsGivesThemAllByTimeThenValue() {
        Accumulator s = AggregateFunction.SAMPLE.newAccumulator(10);
        assertThat(s.emit()).isEmpty();
        s.add(5, 2.0, null);
        s.add(1, 7.0, new Object[] {"a"});
        s.add(5, 1.0, null);
        assertThat(s.emit()).extracting(AggregatePoint::time).containsExactly(1L, 5L, 5L);
        assertThat(s.emit()).extracting(AggregatePoint::value).containsExactly(7.0, 1.0, 2.0);
        assertThat(s.emit().get(0).aux()).containsExactly("a");
    }

    @Test
    void aSmallerNKeepsNDistinctInputPointsAlsoAfterMerging() {
        Accumulator a = AggregateFunction.SAMPLE.newAccumulator(3);
        Accumulator b = AggregateFunction.SAMPLE.newAccumulator(3);
        for (long t = 0; t < 100; t++) {
            (t % 2 == 0 ? a : b).add(t, t * 10, null);
        }
        Accumulator merged = AggregateFunction.SAMPLE.newAccumulator(3);
        merged.merge(PartialStateCodec.decode(PartialStateCodec.encode(a.partial())));
        merged.merge(PartialStateCodec.decode(PartialStateCodec.encode(b.partial())));
        List<AggregatePoint> out = merged.emit();
        assertThat(out).hasSize(3);
        Set<Long> times = new HashSet<>();
        for (AggregatePoint p : out) {
            assertThat(p.value()).isEqualTo(p.time() * 10);
            times.add(p.time());
        }
        assertThat(times).hasSize(3);
        assertThat(((ReservoirState) merged.partial()).count()).isEqualTo(100);
    }

    @Test
    void mergingSmallSidesKeepsEverything() {
        Accumulator a = AggregateFunction.SAMPLE.newAccumulator(5);
        Accumulator b = AggregateFunction.SAMPLE.newAccumulator(5);
        a.add(3, Long.MAX_VALUE, null);
        b.add(1, Long.MIN_VALUE, null);
        a.merge(b.partial());
        assertThat(a.emit()).extracting(AggregatePoint::value).containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
