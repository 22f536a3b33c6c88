package io.shardline.datanode.entropy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerOrderTest {

    @Test
    void ownersAreSortedThenRotatedByShardId() {
        assertThat(OwnerOrder.of(9, List.of(6L, 4L, 5L))).containsExactly(4L, 5L, 6L);
        assertThat(OwnerOrder.of(10, List.of(6L, 4L, 5L))).containsExactly(5L, 6L, 4L);
        assertThat(OwnerOrder.of(11, List.of(6L, 4L, 5L))).containsExactly(6L, 4L, 5L);
        assertThat(OwnerOrder.of(7, List.of(5L))).containsExactly(5L);
        assertThat(OwnerOrder.of(7, List.of())).isEmpty();
    }

    @Test
    void everyNodeComputesTheSameOrderWhateverTheMetadataOrder() {
        assertThat(OwnerOrder.of(17, List.of(5L, 4L))).isEqualTo(OwnerOrder.of(17, List.of(4L, 5L)));
    }

    @Test
    void firstOwnersSpreadOverTheNodes() {
        Map<Long, Integer> firsts = new HashMap<>();
        for (long shard = 1; shard <= 300; shard++) {
            firsts.merge(OwnerOrder.first(OwnerOrder.of(shard, List.of(4L, 5L, 6L))), 1, Integer::sum);
        }
        assertThat(firsts).containsOnlyKeys(4L, 5L, 6L).allSatisfy((node, n) -> assertThat(n).isEqualTo(100));
    }

    @Test
    void successorAndOthersGoRound() {
        List<Long> order = List.of(5L, 6L, 4L);
        assertThat(OwnerOrder.successor(order, 5)).isEqualTo(6);
        assertThat(OwnerOrder.successor(order, 4)).isEqualTo(5);
        assertThat(OwnerOrder.successor(order, 9)).isEqualTo(-1);
        assertThat(OwnerOrder.successor(List.of(5L), 5)).isEqualTo(-1);
        assertThat(OwnerOrder.othersAfter(order, 6)).containsExactly(4L, 5L);
        assertThat(OwnerOrder.othersAfter(order, 9)).containsExactly(5L, 6L, 4L);
    }
}
