package io.shardline.meta.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ShardPlacementTest {

    private static final List<Long> FOUR = List.of(4L, 5L, 6L, 7L);

    @Test
    void fourNodesWithTwoReplicasGiveTwoShardsOnDisjointPairs() {
        // The reference's example: nodes A-D, RF 2 -> shard 1 on A,B and shard 2 on C,D.
        assertThat(ShardPlacement.assign(FOUR, 2, 0)).containsExactly(List.of(4L, 5L), List.of(6L, 7L));
        assertThat(ShardPlacement.assign(FOUR, 2, 1)).containsExactly(List.of(5L, 6L), List.of(7L, 4L));
    }

    @ParameterizedTest(name = "{0} nodes, RF {1} -> {2} shards of {3} owners")
    @CsvSource({
            "1, 1, 1, 1", "1, 3, 1, 1",
            "2, 1, 2, 1", "2, 2, 1, 2", "2, 3, 1, 2",
            "3, 1, 3, 1", "3, 2, 1, 2", "3, 3, 1, 3",
            "4, 2, 2, 2", "4, 3, 1, 3",
            "5, 2, 2, 2", "5, 3, 1, 3", "6, 3, 2, 3",
            "3, 0, 3, 1", "3, -1, 3, 1"
    })
    void shardCountIsNodesDividedByTheClampedReplicationFactor(int nodes, int rf, int shards, int owners) {
        List<Long> ids = LongStream.rangeClosed(4, 3 + nodes).boxed().toList();
        List<List<Long>> placement = ShardPlacement.assign(ids, rf, 0);
        assertThat(placement).hasSize(shards);
        assertThat(ShardPlacement.shardCount(nodes, rf)).isEqualTo(shards);
        for (List<Long> shardOwners : placement) {
            assertThat(shardOwners).hasSize(owners).doesNotHaveDuplicates();
            assertThat(ids).containsAll(shardOwners);
        }
    }

    @Test
    void wrapsAroundTheNodeList() {
        assertThat(ShardPlacement.assign(List.of(4L, 5L, 6L), 2, 2)).containsExactly(List.of(6L, 4L));
        assertThat(ShardPlacement.assign(List.of(4L, 5L, 6L), 2, -1)).containsExactly(List.of(6L, 4L));
        assertThat(ShardPlacement.assign(List.of(), 2, 0)).isEmpty();
        assertThat(ShardPlacement.shardCount(0, 2)).isZero();
    }

    static Stream<Arguments> clusters() {
        return Stream.of(2, 3, 4, 5).flatMap(n -> Stream.of(1, 2, 3).map(rf -> Arguments.of(n, rf)));
    }

    /** Over N consecutive groups every node owns exactly shards*RF replicas, whatever the first slot. */
    @ParameterizedTest(name = "{0} nodes, RF {1}")
    @MethodSource("clusters")
    void consecutiveGroupsSpreadReplicasEvenly(int n, int rf) {
        List<Long> ids = LongStream.rangeClosed(4, 3 + n).boxed().toList();
        long hour = ShardGroupTimes.HOUR;
        for (long firstSlot : new long[] {0, 17, 454_545}) {
            Map<Long, Integer> replicas = new HashMap<>();
            for (long slot = firstSlot; slot < firstSlot + n; slot++) {
                long start = ShardPlacement.rotation("db", "rp", slot * hour, hour, n, rf);
                for (List<Long> owners : ShardPlacement.assign(ids, rf, start)) {
                    owners.forEach(id -> replicas.merge(id, 1, Integer::sum));
                }
            }
            int used = ShardPlacement.shardCount(n, rf) * ShardPlacement.effectiveReplicaN(rf, n);
            assertThat(replicas).as("slots from %d", firstSlot).hasSize(n);
            assertThat(new HashSet<>(replicas.values())).containsExactly(used);
        }
    }

    @Test
    void rotationIsAPureFunctionOfItsInputs() {
        long a = ShardPlacement.rotation("db", "rp", 1234 * ShardGroupTimes.HOUR, ShardGroupTimes.HOUR, 5, 2);
        long b = ShardPlacement.rotation("db", "rp", 1234 * ShardGroupTimes.HOUR, ShardGroupTimes.HOUR, 5, 2);
        assertThat(a).isEqualTo(b).isBetween(0L, 4L);
        assertThat(ShardPlacement.rotation("db", "rp", 0, ShardGroupTimes.HOUR, 0, 2)).isZero();
    }
}
