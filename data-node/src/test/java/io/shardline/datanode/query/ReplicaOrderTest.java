package io.shardline.datanode.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.time.ManualClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicaOrderTest {

    @Test
    void localOwnerFirstThenOtherOwnersInRandomOrder() {
        Set<List<Long>> seen = new HashSet<>();
        Random random = new Random(1);
        for (int i = 0; i < 50; i++) {
            List<Long> order = ReplicaOrder.order(List.of(4L, 5L, 6L), 5, 0, n -> false, random);
            assertThat(order.get(0)).isEqualTo(5);
            assertThat(order).containsExactlyInAnyOrder(4L, 5L, 6L);
            seen.add(order);
        }
        assertThat(seen).as("remote owners are spread").hasSize(2);
    }

    @Test
    void recentlyFailedOwnersComeLast() {
        for (int seed = 0; seed < 20; seed++) {
            List<Long> order = ReplicaOrder.order(List.of(4L, 5L, 6L), 9, 0, n -> n == 4, new Random(seed));
            assertThat(order.get(2)).isEqualTo(4);
        }
    }

    @Test
    void aChosenNodeIsTheOnlyCandidateWhenItOwnsTheShard() {
        assertThat(ReplicaOrder.order(List.of(4L, 5L), 4, 5, n -> true, new Random(1))).containsExactly(5L);
        assertThat(ReplicaOrder.order(List.of(4L, 5L), 4, 6, n -> false, new Random(1))).isEmpty();
    }

    @Test
    void peerHealthForgetsFailuresAfterTheWindowOrAnAnswer() {
        ManualClock clock = new ManualClock();
        PeerHealth health = new PeerHealth(clock, Duration.ofSeconds(10));
        health.failed(4);
        assertThat(health.suspect(4)).isTrue();
        assertThat(health.suspect(5)).isFalse();
        clock.advance(Duration.ofSeconds(11));
        assertThat(health.suspect(4)).isFalse();
        health.failed(4);
        health.answered(4);
        assertThat(health.suspect(4)).isFalse();
    }
}
