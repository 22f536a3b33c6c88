package io.shardline.launcher.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverwriteCheckTest {

    private static final long BASE = 1_000_000_000L;
    private static final long STEP = 1_000L;

    /** A request of writer wN covering seqs first..last of a 4-slot overwrite series. */
    private static DrillLog.Entry req(int writerNo, long first, long last, String outcome, long version) {
        return new DrillLog.Entry("w" + writerNo, BASE, STEP, first, last, outcome, outcome.equals("ok") ? 204 : 500,
                1.0, 0, version, "shared/4/" + writerNo, "127.0.0.1:8086");
    }

    private static long ov(int writerNo, long seq) {
        return ((long) writerNo << 32) | seq;
    }

    private static long t(int slot) {
        return BASE + slot * STEP;
    }

    private static final OverwriteCheck.Owners OWNERS = (p, time) -> List.of(4L, 5L);

    @Test
    void highestVersionOnEveryOwnerPasses() {
        // w1 writes slots 0-3 at version 10, w2 overwrites them at version 20 (later in HLC order).
        OverwriteCheck check = new OverwriteCheck(List.of(req(1, 0, 3, "ok", 10), req(2, 0, 3, "ok", 20)));
        Map<Long, Long> winner = Map.of(t(0), ov(2, 0), t(1), ov(2, 1), t(2), ov(2, 2), t(3), ov(2, 3));
        OverwriteCheck.Counts c = check.check(Map.of(4L, winner, 5L, winner, 6L, Map.of()), OWNERS);
        assertThat(c.ok()).isTrue();
        assertThat(c.acked()).isEqualTo(4);
        assertThat(c.lost() + c.diverged() + c.wrongWinner() + c.misplaced()).isZero();
    }

    @Test
    void olderVersionKeptIsAWrongWinnerAndOwnersThatDifferDiverge() {
        OverwriteCheck check = new OverwriteCheck(List.of(req(1, 0, 3, "ok", 10), req(2, 0, 3, "ok", 20)));
        Map<Long, Long> good = Map.of(t(0), ov(2, 0), t(1), ov(2, 1), t(2), ov(2, 2), t(3), ov(2, 3));
        Map<Long, Long> stale = Map.of(t(0), ov(1, 0), t(1), ov(2, 1), t(2), ov(2, 2));
        OverwriteCheck.Counts c = check.check(Map.of(4L, good, 5L, stale), OWNERS);
        assertThat(c.ok()).isFalse();
        assertThat(c.wrongWinner()).isEqualTo(1);
        assertThat(c.diverged()).isEqualTo(1);
        assertThat(c.lost()).isEqualTo(1);
        assertThat(c.examples()).anyMatch(e -> e.contains("slot 0 holds w1:0 at version 10"));
    }

    @Test
    void equalVersionsAreBrokenByTheGreaterValueAsStorageDoes() {
        OverwriteCheck check = new OverwriteCheck(List.of(req(1, 0, 0, "ok", 7), req(2, 4, 4, "ok", 7)));
        // slot 0: w1 seq 0 and w2 seq 4 at the same version; w2's value is greater and must win.
        assertThat(check.check(Map.of(4L, Map.of(t(0), ov(2, 4)), 5L, Map.of(t(0), ov(2, 4))), OWNERS).ok()).isTrue();
        assertThat(check.check(Map.of(4L, Map.of(t(0), ov(1, 0)), 5L, Map.of(t(0), ov(1, 0))), OWNERS).wrongWinner())
                .isEqualTo(1);
    }

    @Test
    void valuesOfUnansweredRequestsAreUnverifiableAndNonOwnersAreMisplaced() {
        OverwriteCheck check = new OverwriteCheck(List.of(req(1, 0, 0, "ok", 10), req(2, 0, 0, "unknown", 0)));
        Map<Long, Long> v = Map.of(t(0), ov(2, 0));
        OverwriteCheck.Counts c = check.check(Map.of(4L, v, 5L, v, 6L, Map.of(t(0), ov(3, 9))), OWNERS);
        assertThat(c.unverifiable()).isEqualTo(1);
        assertThat(c.misplaced()).isEqualTo(1);
        assertThat(c.ok()).isFalse();
    }
}
