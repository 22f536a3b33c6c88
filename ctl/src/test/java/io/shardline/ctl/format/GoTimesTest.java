package io.shardline.ctl.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GoTimesTest {

    @Test
    void rfc3339NanoDropsTrailingZerosAndAWholeSecondsFraction() {
        assertThat(GoTimes.rfc3339Nano(1_672_531_200_000_000_000L)).isEqualTo("2023-01-01T00:00:00Z");
        assertThat(GoTimes.rfc3339Nano(1_489_437_615_753_443_255L)).isEqualTo("2017-03-13T20:40:15.753443255Z");
        assertThat(GoTimes.rfc3339Nano(1_489_437_615_500_000_000L)).isEqualTo("2017-03-13T20:40:15.5Z");
        assertThat(GoTimes.rfc3339Nano(1_000L)).isEqualTo("1970-01-01T00:00:00.000001Z");
        assertThat(GoTimes.rfc3339Nano(-1L)).isEqualTo("1969-12-31T23:59:59.999999999Z");
    }

    @Test
    void goStringInUtcLikeTimeString() {
        assertThat(GoTimes.goStringUtc(1_687_477_509_470_696_179L)).isEqualTo("2023-06-22 23:45:09.470696179 +0000 UTC");
        assertThat(GoTimes.goStringUtc(1_507_507_200_000_000_000L)).isEqualTo("2017-10-09 00:00:00 +0000 UTC");
        assertThat(GoTimes.goString(0, ZoneId.of("UTC"))).isEqualTo("1970-01-01 00:00:00 +0000 UTC");
    }

    @Test
    void goStringInOtherZones() {
        // The show-shards -v sample of the reference: 2020-04-28 13:59:50.022558549 -0400 EDT
        assertThat(GoTimes.goString(1_588_096_790_022_558_549L, ZoneId.of("America/New_York")))
                .isEqualTo("2020-04-28 13:59:50.022558549 -0400 EDT");
        assertThat(GoTimes.goString(1_588_096_790_000_000_000L, ZoneOffset.ofHours(2)))
                .isEqualTo("2020-04-28 19:59:50 +0200 +0200");
    }
}
