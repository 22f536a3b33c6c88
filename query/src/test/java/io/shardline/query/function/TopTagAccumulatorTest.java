package io.shardline.query.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.query.QueryException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** top/bottom with tag arguments: the best point per tag combination, then the N best of those. */
class TopTagAccumulatorTest {

    private static Accumulator top(int n) {
        return AggregateFunction.TOP.newTagAccumulator(n, new int[] {0});
    }

    @Test
    void emptyGivesNothingAndOnePointGivesIt() {
        assertThat(top(2).emit()).isEmpty();
        Accumulator one = top(2);
        one.add(5, Long.MIN_VALUE, new Object[] {"a"});
        assertThat(one.emit()).extracting(AggregatePoint::value).containsExactly(Long.MIN_VALUE);
    }

    @Test
    void oneMaxPerTagValueWithTheEarliestOfEqualValuesThenTheNBestByTime() {
        Accumulator t = top(2);
        t.add(1, 5.0, new Object[] {"a"});
        t.add(2, 7.0, new Object[] {"a"});
        t.add(3, 7.0, new Object[] {"a"}); // equal to a's max, later: a keeps t=2
        t.add(4, 6.0, new Object[] {"b"});
        t.add(5, 1.0, new Object[] {null}); // a missing tag groups as ''
        List<AggregatePoint> out = t.emit();
        assertThat(out).extracting(AggregatePoint::time).containsExactly(2L, 4L);
        assertThat(out.get(0).aux()).containsExactly("a");

        Accumulator bottom = AggregateFunction.BOTTOM.newTagAccumulator(5, new int[] {0});
        bottom.add(1, 5L, new Object[] {"a"});
        bottom.add(2, 3L, new Object[] {"a"});
        bottom.add(3, 9L, new Object[] {"b"});
        assertThat(bottom.emit()).extracting(AggregatePoint::value).containsExactly(3L, 9L);
    }

    @Test
    void mergedPartialsGiveTheOneShotAnswer() {
        Accumulator a = top(3);
        Accumulator b = top(3);
        Accumulator all = top(3);
        for (long t = 0; t < 30; t++) {
            Object[] aux = {"h" + t % 5};
            double v = (t * 7) % 11;
            (t % 2 == 0 ? a : b).add(t, v, aux);
            all.add(t, v, aux);
        }
        Accumulator merged = top(3);
        merged.merge(PartialStateCodec.decode(PartialStateCodec.encode(b.partial())));
        merged.merge(PartialStateCodec.decode(PartialStateCodec.encode(a.partial())));
        assertThat(merged.emit()).usingRecursiveFieldByFieldElementComparator().isEqualTo(all.emit());
        assertThat(((SampleState) merged.partial()).points()).hasSize(5);
    }

    @Test
    void stringsFailAsMaxAndBooleansAsTop() {
        assertThatThrownBy(() -> top(1).add(1, "x", new Object[] {"a"})).isInstanceOf(QueryException.class)
                .hasMessage("unsupported max iterator type: *query.stringInterruptIterator");
        assertThatThrownBy(() -> top(1).add(1, true, new Object[] {"a"})).isInstanceOf(QueryException.class)
                .hasMessage("unsupported top iterator type: *query.booleanReduceBooleanIterator");
    }
}
