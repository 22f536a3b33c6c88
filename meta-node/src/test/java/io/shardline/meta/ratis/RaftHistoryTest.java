package io.shardline.meta.ratis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RaftHistoryTest {

    private static byte[] data(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void groupsEntriesIntoRunsOfOneTerm() {
        RaftHistory h = new RaftHistory();
        h.applied(1, 1, new byte[0]);
        h.applied(1, 2, data("create db"));
        h.applied(2, 3, new byte[0]);
        h.applied(2, 4, data("create rp"));
        h.applied(2, 4, data("create rp")); // a repeated notification changes nothing
        RaftHistory.View v = h.view();
        assertThat(v.start()).isZero();
        assertThat(v.runs()).extracting(RaftHistory.Run::term, RaftHistory.Run::first, RaftHistory.Run::last)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1L, 2L), org.assertj.core.groups.Tuple.tuple(2L, 3L, 4L));
    }

    @Test
    void sameLogGivesSameHashesAndADifferentEntryDoesNot() {
        RaftHistory a = new RaftHistory();
        RaftHistory b = new RaftHistory();
        RaftHistory c = new RaftHistory();
        for (RaftHistory h : new RaftHistory[] {a, b, c}) {
            h.applied(1, 1, data("x"));
        }
        a.applied(2, 2, data("y"));
        b.applied(2, 2, data("y"));
        c.applied(2, 2, data("z")); // another leader's entry at the same index and term
        assertThat(a.view().runs()).isEqualTo(b.view().runs());
        assertThat(a.view().runs().get(0)).isEqualTo(c.view().runs().get(0));
        assertThat(a.view().runs().get(1).hash()).isNotEqualTo(c.view().runs().get(1).hash());
    }

    @Test
    void snapshotOrGapRestartsTheChain() {
        RaftHistory h = new RaftHistory();
        h.applied(1, 1, data("x"));
        h.restartAt(40);
        h.applied(3, 41, data("y"));
        assertThat(h.view().start()).isEqualTo(40);
        assertThat(h.view().runs()).hasSize(1);
        h.applied(3, 45, data("z"));
        assertThat(h.view().start()).isEqualTo(44);
        assertThat(h.view().runs()).extracting(RaftHistory.Run::first).containsExactly(45L);
    }

    @Test
    void recordsLeadersAndLedTermsBounded() {
        RaftHistory h = new RaftHistory();
        h.leader(1, "a:1");
        h.ledTerm(2, "b:1");
        assertThat(h.view().leaders()).containsEntry(1L, "a:1").containsEntry(2L, "b:1");
        assertThat(h.view().ledTerms()).containsExactly(2L);
        for (long t = 3; t < 3 + RaftHistory.MAX_RUNS; t++) {
            h.leader(t, "c:1");
            h.applied(t, t, new byte[0]);
        }
        assertThat(h.view().leaders()).hasSize(RaftHistory.MAX_RUNS).doesNotContainKey(1L);
        assertThat(h.view().runs()).hasSize(RaftHistory.MAX_RUNS);
    }
}
