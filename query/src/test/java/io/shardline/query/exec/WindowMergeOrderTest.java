package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The primitive window merge hands out exactly {@link GoMergeOrder}'s order for inputs of one tag set. */
class WindowMergeOrderTest {

    private static final byte[] NO_TAGS = new byte[0];

    @Test
    void equalWindowsLeaveTheHeapInGoContainerHeapOrder() {
        long[][] in = {{0}, {0}, {0}, {0}};
        assertThat(WindowMergeOrder.parallelMerge(in, 1, true).sources()).containsExactly(0, 3, 2, 1);
        // 3 inputs on 2 CPUs: groups [0] and [1, 2]
        long[][] three = {{0}, {0}, {0}};
        assertThat(WindowMergeOrder.parallelMerge(three, 2, true).sources()).containsExactly(0, 1, 2);
        assertThat(WindowMergeOrder.parallelMerge(three, 1, true).sources()).containsExactly(0, 2, 1);
    }

    @Test
    void theCurrentInputIsReadToTheEndOfItsWindow() {
        assertThat(WindowMergeOrder.parallelMerge(new long[][] {{0, 10}, {10}, {0, 20}}, 1, true).sources())
                .containsExactly(0, 2, 0, 1, 2);
        WindowMergeOrder.Run descending = WindowMergeOrder.parallelMerge(new long[][] {{10, 0}, {10}}, 1, false);
        assertThat(descending.sources()).containsExactly(0, 1, 0);
        assertThat(descending.windows()).containsExactly(10, 10, 0);
    }

    @Test
    void sameOrderAsTheGenericMergeOnRandomInputs() {
        long seed = System.nanoTime();
        System.out.println("WindowMergeOrderTest seed=" + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            int inputs = random.nextInt(40);
            int parallelism = 1 + random.nextInt(5);
            boolean ascending = random.nextBoolean();
            long[][] windows = new long[inputs][];
            List<List<GoMergeOrder.Item<Integer>>> items = new ArrayList<>();
            for (int s = 0; s < inputs; s++) {
                // distinct windows per input (a series has one cell per bucket), sparse like series with gaps
                TreeSet<Long> w = new TreeSet<>();
                int n = random.nextInt(12);
                for (int i = 0; i < n; i++) {
                    w.add((long) random.nextInt(20) * 60);
                }
                windows[s] = (ascending ? w : w.descendingSet()).stream().mapToLong(Long::longValue).toArray();
                List<GoMergeOrder.Item<Integer>> in = new ArrayList<>();
                for (long x : windows[s]) {
                    in.add(new GoMergeOrder.Item<>("", NO_TAGS, x, s));
                }
                items.add(in);
            }
            List<GoMergeOrder.Item<Integer>> expected = GoMergeOrder.parallelMerge(items, parallelism, ascending);
            WindowMergeOrder.Run actual = WindowMergeOrder.parallelMerge(windows, parallelism, ascending);
            assertThat(actual.sources()).as("seed %d round %d", seed, round)
                    .containsExactly(expected.stream().mapToInt(GoMergeOrder.Item::payload).toArray());
            assertThat(actual.windows()).as("seed %d round %d", seed, round)
                    .containsExactly(expected.stream().mapToLong(GoMergeOrder.Item::window).toArray());
        }
    }
}
