package io.shardline.datanode.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The oldest view version of what is still in flight, with a request still looking up owners counted oldest. */
class WritesInFlightTest {

    @Test
    void theOldestVersionStillInFlightIsReportedUntilItsLastChangeEnds() {
        WritesInFlight w = new WritesInFlight();
        assertThat(w.oldestViewVersion()).isEqualTo(WritesInFlight.NONE);
        w.start(WritesInFlight.ROUTING);
        assertThat(w.oldestViewVersion()).isEqualTo(WritesInFlight.ROUTING);
        w.start(5);
        w.start(5);
        w.start(7);
        w.end(WritesInFlight.ROUTING);
        assertThat(w.oldestViewVersion()).isEqualTo(5);
        w.end(5);
        assertThat(w.oldestViewVersion()).isEqualTo(5);
        w.end(5);
        assertThat(w.oldestViewVersion()).isEqualTo(7);
        w.end(7);
        assertThat(w.oldestViewVersion()).isEqualTo(WritesInFlight.NONE);
    }
}
