package io.shardline.datanode.entropy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The last-modified shortcut, the settle window and the two-observation rule, on a manual timeline. */
class CheckTrackerTest {

    private static final long SETTLE = 60_000;
    private static final long NOW = 1_700_000_000_000L;

    private final CheckTracker t = new CheckTracker();

    private static long nanos(long millis) {
        return millis * 1_000_000L;
    }

    @Test
    void aShardNeverComparedNeedsADigest() {
        assertThat(t.needsDigest(1, 5, 10, 10, NOW, SETTLE)).isTrue();
    }

    @Test
    void anEqualComparisonMadeASettleWindowAfterTheLastChangeIsReusedWhileNothingChanges() {
        long lm = nanos(NOW - 120_000);
        assertThat(t.observe(1, 5, lm, lm, NOW, Set.of(), false, 0)).isEqualTo(CheckTracker.Outcome.EQUAL);
        assertThat(t.needsDigest(1, 5, lm, lm, NOW + 300_000, SETTLE)).isFalse();
        assertThat(t.needsDigest(1, 5, lm + 1, lm, NOW + 300_000, SETTLE)).as("ours changed").isTrue();
        assertThat(t.needsDigest(1, 5, lm, lm + 1, NOW + 300_000, SETTLE)).as("theirs changed").isTrue();
        assertThat(t.needsDigest(1, 6, lm, lm, NOW + 300_000, SETTLE)).as("another peer").isTrue();
    }

    @Test
    void aComparisonInsideTheSettleWindowDidNotSeeTheLastChangesSoItIsRepeated() {
        long lm = nanos(NOW - 5_000);
        t.observe(1, 5, lm, lm, NOW, Set.of(), false, 0);
        assertThat(t.needsDigest(1, 5, lm, lm, NOW + 300_000, SETTLE)).isTrue();
        t.observe(1, 5, lm, lm, NOW + 300_000, Set.of(), false, 0);
        assertThat(t.needsDigest(1, 5, lm, lm, NOW + 600_000, SETTLE)).isFalse();
    }

    @Test
    void aDifferenceCountsOnlyWhenTheSameBucketsDifferTwiceInARow() {
        assertThat(t.observe(1, 5, 1, 1, NOW, Set.of(10L, 11L), false, 100)).isEqualTo(CheckTracker.Outcome.SUSPECTED);
        assertThat(t.isDiff(1)).isFalse();
        assertThat(t.observe(1, 5, 2, 2, NOW + 1, Set.of(11L, 12L), false, 100))
                .isEqualTo(CheckTracker.Outcome.CONFIRMED);
        assertThat(t.diffShards()).containsExactly(1L);
        assertThat(t.estimatedBytes(1)).isEqualTo(100);
        assertThat(t.comparedWith(1)).isEqualTo(5);
    }

    @Test
    void differencesThatMoveOnAreInFlightNotEntropy() {
        t.observe(1, 5, 1, 1, NOW, Set.of(10L), false, 0);
        assertThat(t.observe(1, 5, 2, 2, NOW + 1, Set.of(20L), false, 0)).isEqualTo(CheckTracker.Outcome.SUSPECTED);
        assertThat(t.observe(1, 5, 3, 3, NOW + 2, Set.of(30L), false, 0)).isEqualTo(CheckTracker.Outcome.SUSPECTED);
        assertThat(t.isDiff(1)).isFalse();
    }

    @Test
    void anEqualComparisonInBetweenResetsTheRule() {
        t.observe(1, 5, 1, 1, NOW, Set.of(10L), false, 0);
        t.observe(1, 5, 2, 2, NOW + 1, Set.of(), false, 0);
        assertThat(t.observe(1, 5, 3, 3, NOW + 2, Set.of(10L), false, 0)).isEqualTo(CheckTracker.Outcome.SUSPECTED);
    }

    @Test
    void tombstonesDifferingTwiceConfirmToo() {
        t.observe(1, 5, 1, 1, NOW, Set.of(), true, 0);
        assertThat(t.observe(1, 5, 2, 2, NOW + 1, Set.of(), true, 0)).isEqualTo(CheckTracker.Outcome.CONFIRMED);
    }

    @Test
    void anEqualComparisonClearsTheStatus() {
        t.observe(1, 5, 1, 1, NOW, Set.of(10L), false, 0);
        t.observe(1, 5, 2, 2, NOW + 1, Set.of(10L), false, 0);
        assertThat(t.observe(1, 5, 3, 3, NOW + 2, Set.of(), false, 0)).isEqualTo(CheckTracker.Outcome.EQUAL);
        assertThat(t.diffShards()).isEmpty();
    }

    @Test
    void changingPeerStartsOver() {
        t.observe(1, 5, 1, 1, NOW, Set.of(10L), false, 0);
        assertThat(t.observe(1, 6, 2, 2, NOW + 1, Set.of(10L), false, 0)).isEqualTo(CheckTracker.Outcome.SUSPECTED);
    }
}
