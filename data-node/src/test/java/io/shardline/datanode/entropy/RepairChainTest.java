package io.shardline.datanode.entropy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The visited list ends a push-only repair after 2n - 2 pushes, once every owner has everything. */
class RepairChainTest {

    /** Walks a chain from the first owner the way the nodes do and returns the path of pushes. */
    private static List<Long> walk(List<Long> order) {
        List<Long> path = new ArrayList<>();
        long node = order.get(0);
        List<Long> visited = List.of();
        for (int guard = 0; guard < 100; guard++) {
            List<Long> sent = RepairChain.pathForPush(visited, node);
            if (RepairChain.remaining(sent, order.size()) == 0) {
                break;
            }
            long next = OwnerOrder.successor(order, node);
            List<Long> received = RepairChain.received(sent, next);
            path = received;
            if (!RepairChain.continuesAfter(received, order.size())) {
                break;
            }
            node = next;
            visited = received;
        }
        return path;
    }

    @Test
    void rf2GoesThereAndBack() {
        assertThat(walk(List.of(4L, 5L))).containsExactly(4L, 5L, 4L);
        assertThat(RepairChain.pushes(2)).isEqualTo(2);
    }

    @Test
    void rf3GoesRoundOnceAndAHalf() {
        assertThat(walk(List.of(4L, 5L, 6L))).containsExactly(4L, 5L, 6L, 4L, 5L);
        assertThat(RepairChain.pushes(3)).isEqualTo(4);
    }

    @Test
    void rf4TakesSixPushes() {
        assertThat(walk(List.of(1L, 2L, 3L, 4L))).containsExactly(1L, 2L, 3L, 4L, 1L, 2L, 3L);
    }

    @Test
    void rf1NeedsNothing() {
        assertThat(RepairChain.pushes(1)).isZero();
        assertThat(RepairChain.remaining(List.of(), 1)).isZero();
    }

    @Test
    void aFreshRequestHasTheMostLeftToDo() {
        assertThat(RepairChain.remaining(List.of(), 3)).isEqualTo(4);
        assertThat(RepairChain.remaining(List.of(4L), 3)).isEqualTo(4);
        assertThat(RepairChain.remaining(List.of(4L, 5L), 3)).isEqualTo(3);
        assertThat(RepairChain.remaining(List.of(4L, 5L, 6L, 4L, 5L), 3)).isZero();
        assertThat(RepairChain.remaining(List.of(4L, 5L, 6L, 4L, 5L, 6L, 4L), 3)).isZero();
    }
}
