package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.query.function.AggregateFunction;
import io.shardline.query.function.Accumulator;
import io.shardline.query.function.AggregatePoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 1.x's merge-iterator order for inputs with equal keys, and the count-weighted mean merge that depends on it. */
class GoMergeOrderTest {

    private static List<GoMergeOrder.Item<String>> input(String name, long... windows) {
        List<GoMergeOrder.Item<String>> out = new ArrayList<>();
        for (long w : windows) {
            out.add(new GoMergeOrder.Item<>("m", new byte[0], w, name + "@" + w));
        }
        return out;
    }

    private static List<String> payloads(List<GoMergeOrder.Item<String>> items) {
        return items.stream().map(GoMergeOrder.Item::payload).toList();
    }

    @Test
    void equalKeysLeaveTheHeapInGoContainerHeapOrder() {
        // heap [0,1,2,3]: pop swaps the root with the last element, so 0 then 3, 2, 1
        assertThat(payloads(GoMergeOrder.merge(List.of(input("s0", 0), input("s1", 0), input("s2", 0),
                input("s3", 0)), true))).containsExactly("s0@0", "s3@0", "s2@0", "s1@0");
    }

    @Test
    void windowsComeInOrderAndTheCurrentInputIsReadToTheEndOfItsWindow() {
        assertThat(payloads(GoMergeOrder.merge(List.of(input("a", 0, 10), input("b", 10), input("c", 0, 20)),
                true))).containsExactly("a@0", "c@0", "a@10", "b@10", "c@20"); // a was pushed back before c
        assertThat(payloads(GoMergeOrder.merge(List.of(input("a", 10, 0), input("b", 10)), false)))
                .containsExactly("a@10", "b@10", "a@0");
    }

    @Test
    void parallelMergeGroupsInputsPerCpuFirst() {
        // 3 series on 2 CPUs: groups [a] and [b, c]
        assertThat(payloads(GoMergeOrder.parallelMerge(List.of(input("a", 0), input("b", 0), input("c", 0)), 2, true)))
                .containsExactly("a@0", "b@0", "c@0");
        // on 1 CPU: one heap of three
        assertThat(payloads(GoMergeOrder.parallelMerge(List.of(input("a", 0), input("b", 0), input("c", 0)), 1, true)))
                .containsExactly("a@0", "c@0", "b@0");
    }

    @Test
    void meanMergesPartialMeansWeightedByCountLike1x() {
        double[] a = {0.1, 0.7, 0.3};
        double[] b = {0.2, 0.9};
        Accumulator sa = AggregateFunction.MEAN.newAccumulator(0);
        Accumulator sb = AggregateFunction.MEAN.newAccumulator(0);
        for (double v : a) {
            sa.add(0, v, null);
        }
        for (double v : b) {
            sb.add(0, v, null);
        }
        Accumulator merged = AggregateFunction.MEAN.newAccumulator(0);
        merged.merge(sa.partial());
        merged.merge(sb.partial());
        double expected = (((0.1 + 0.7 + 0.3) / 3 * 3) + ((0.2 + 0.9) / 2 * 2)) / 5;
        List<AggregatePoint> p = merged.emit();
        assertThat((Double) p.get(0).value()).isEqualTo(expected);
        // a single point is folded as a value, not re-weighted; integers divide as floats first
        Accumulator ints = AggregateFunction.MEAN.newAccumulator(0);
        ints.add(0, Long.MAX_VALUE, null);
        ints.add(0, 1L, null);
        Accumulator top = AggregateFunction.MEAN.newAccumulator(0);
        top.merge(ints.partial());
        assertThat((Double) top.emit().get(0).value()).isEqualTo((double) Long.MIN_VALUE / 2 * 2 / 2);
        Accumulator empty = AggregateFunction.MEAN.newAccumulator(0);
        empty.merge(AggregateFunction.MEAN.newAccumulator(0).partial());
        assertThat(empty.emit()).isEmpty();
    }
}
