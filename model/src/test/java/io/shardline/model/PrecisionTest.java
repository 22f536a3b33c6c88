package io.shardline.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrecisionTest {

    @Test
    void parsesTheWriteParameter() {
        assertThat(Precision.fromParam(null)).contains(Precision.NANOSECONDS);
        assertThat(Precision.fromParam("")).contains(Precision.NANOSECONDS);
        assertThat(Precision.fromParam("n")).contains(Precision.NANOSECONDS);
        assertThat(Precision.fromParam("ns")).contains(Precision.NANOSECONDS);
        assertThat(Precision.fromParam("u")).contains(Precision.MICROSECONDS);
        assertThat(Precision.fromParam("ms")).contains(Precision.MILLISECONDS);
        assertThat(Precision.fromParam("s")).contains(Precision.SECONDS);
        assertThat(Precision.fromParam("m")).contains(Precision.MINUTES);
        assertThat(Precision.fromParam("h")).contains(Precision.HOURS);
        assertThat(Precision.fromParam("us")).isEmpty();
        assertThat(Precision.fromParam("S")).isEmpty();
    }

    @Test
    void invalidMessageIsGoQuoted() {
        assertThat(Precision.invalidMessage("x")).isEqualTo("invalid precision \"x\" (use n, u, ms, s, m or h)");
        assertThat(Precision.invalidMessage("a\"b\n")).isEqualTo("invalid precision \"a\\\"b\\n\" (use n, u, ms, s, m or h)");
    }

    @Test
    void multipliersAndTruncation() {
        assertThat(Precision.HOURS.nanosPerUnit()).isEqualTo(3_600_000_000_000L);
        assertThat(Precision.MINUTES.nanosPerUnit()).isEqualTo(60_000_000_000L);
        long now = 1_700_000_123_456_789_123L;
        assertThat(Precision.NANOSECONDS.truncate(now)).isEqualTo(now);
        assertThat(Precision.MICROSECONDS.truncate(now)).isEqualTo(1_700_000_123_456_789_000L);
        assertThat(Precision.MILLISECONDS.truncate(now)).isEqualTo(1_700_000_123_456_000_000L);
        assertThat(Precision.SECONDS.truncate(now)).isEqualTo(1_700_000_123_000_000_000L);
        assertThat(Precision.MINUTES.truncate(now)).isEqualTo(1_700_000_100_000_000_000L);
        assertThat(Precision.HOURS.truncate(now)).isEqualTo(1_699_999_200_000_000_000L);
        assertThat(Precision.SECONDS.truncate(-1)).isEqualTo(-1_000_000_000L);
    }
}
