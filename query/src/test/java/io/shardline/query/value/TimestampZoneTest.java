package io.shardline.query.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** tz(): times print in the zone with Go's RFC3339Nano offsets, and time strings without offset read in it. */
class TimestampZoneTest {

    private static final long T0 = 1_577_836_800_000_000_000L; // 2020-01-01T00:00:00Z

    @Test
    void timesPrintWithTheZonesOffsetOrZ() {
        assertThat(new Timestamp(T0, ZoneId.of("America/Chicago")).toString()).isEqualTo("2019-12-31T18:00:00-06:00");
        assertThat(new Timestamp(T0 + 1_500_000_001L, ZoneId.of("Australia/Adelaide")).toString())
                .isEqualTo("2020-01-01T10:30:01.500000001+10:30");
        assertThat(new Timestamp(T0, ZoneId.of("Europe/London")).toString()).isEqualTo("2020-01-01T00:00:00Z");
        assertThat(new Timestamp(0, ZoneId.of("America/Chicago")).toString()).isEqualTo("1969-12-31T18:00:00-06:00");
        assertThat(new Timestamp(T0).toString()).isEqualTo("2020-01-01T00:00:00Z");
        assertThat(new Timestamp(T0).inZone(ZoneId.of("Asia/Kathmandu")).toString())
                .isEqualTo("2020-01-01T05:45:00+05:45");
    }

    @Test
    void stringsWithoutOffsetAreReadInTheZone() {
        ZoneId chicago = ZoneId.of("America/Chicago");
        assertThat(Rfc3339.parseTimeLiteral("2019-12-31 18:00:00", chicago)).isEqualTo(T0);
        assertThat(Rfc3339.parseTimeLiteral("2020-01-01", ZoneId.of("Asia/Kolkata"))).isEqualTo(T0 - 19_800_000_000_000L);
        // an explicit offset or Z wins over the zone
        assertThat(Rfc3339.parseTimeLiteral("2020-01-01T00:00:00Z", chicago)).isEqualTo(T0);
        assertThat(Rfc3339.parseTimeLiteral("2020-01-01 00:00:00", null)).isEqualTo(T0);
    }
}
