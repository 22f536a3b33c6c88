package io.shardline.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SecondsFormatTest {

    private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    @Test
    void formatsAsThePatternDoesWithinAndAcrossSeconds() {
        SecondsFormat format = new SecondsFormat(PATTERN);
        ZoneId zone = ZoneId.of("Europe/Berlin");
        long[] millis = {0, 999, 1_000, 1_765_000_000_123L, 1_765_000_000_999L, 1_765_000_001_000L, 1_765_000_000_500L,
            -1, -1_000, -1_001};
        for (long m : millis) {
            assertThat(format.format(m, zone)).as("millis %d", m)
                    .isEqualTo(PATTERN.format(Instant.ofEpochMilli(m).atZone(zone)));
        }
    }

    @Test
    void aNewZoneIsNotAnsweredFromTheLastSecond() {
        SecondsFormat format = new SecondsFormat(PATTERN);
        long m = 1_765_000_000_123L;
        assertThat(format.format(m, ZoneOffset.UTC)).isEqualTo("06/Dec/2025:05:46:40 +0000");
        assertThat(format.format(m, ZoneOffset.ofHours(2))).isEqualTo("06/Dec/2025:07:46:40 +0200");
        assertThat(format.format(m + 10, ZoneOffset.ofHours(2))).isEqualTo("06/Dec/2025:07:46:40 +0200");
    }

    @Test
    void aFormatterWithItsOwnZoneKeepsIt() {
        SecondsFormat http = new SecondsFormat(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
                Locale.US).withZone(ZoneOffset.UTC));
        assertThat(http.format(1_765_000_000_999L, ZoneOffset.UTC)).isEqualTo("Sat, 06 Dec 2025 05:46:40 GMT");
    }
}
