package io.shardline.meta.ratis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FollowerLinksTest {

    private final FollowerLinks links = new FollowerLinks(3000);

    @Test
    void aFollowerHeardFromRecentlyIsLeftAlone() {
        assertThat(links.toReset(Map.of("a", 0L, "b", 2999L), 1000)).isEmpty();
    }

    @Test
    void aSilentFollowerIsResetOnceThenOncePerStallPeriod() {
        assertThat(links.toReset(Map.of("a", 3000L, "b", 10L), 1000))
                .containsExactly(new FollowerLinks.Reset("a", 3000, true));
        assertThat(links.toReset(Map.of("a", 4000L), 2000)).isEmpty();
        assertThat(links.toReset(Map.of("a", 5999L), 3999)).isEmpty();
        assertThat(links.toReset(Map.of("a", 6000L), 4000)).containsExactly(new FollowerLinks.Reset("a", 6000, false));
    }

    @Test
    void anAnswerEndsTheSilenceSoTheNextStallResetsAtOnce() {
        links.toReset(Map.of("a", 3000L), 1000);
        assertThat(links.toReset(Map.of("a", 5L), 2000)).isEmpty();
        assertThat(links.toReset(Map.of("a", 3100L), 2500)).containsExactly(new FollowerLinks.Reset("a", 3100, true));
    }

    @Test
    void leavingTheLeaderRoleOrAFollowerLeavingForgetsIt() {
        links.toReset(Map.of("a", 3000L, "b", 3000L), 1000);
        assertThat(links.toReset(Map.of("b", 3000L), 1500)).isEmpty();
        assertThat(links.toReset(Map.of("a", 3000L), 1600)).extracting(FollowerLinks.Reset::first).containsExactly(true);
        links.clear();
        assertThat(links.toReset(Map.of("b", 9000L), 1700)).extracting(FollowerLinks.Reset::first).containsExactly(true);
    }

    @Test
    void resetsComeInFollowerOrder() {
        assertThat(links.toReset(Map.of("c", 5000L, "a", 5000L, "b", 5000L), 0))
                .extracting(FollowerLinks.Reset::follower).containsExactly("a", "b", "c");
    }

    @Test
    void theStallPeriodMustBePositive() {
        assertThatThrownBy(() -> new FollowerLinks(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
