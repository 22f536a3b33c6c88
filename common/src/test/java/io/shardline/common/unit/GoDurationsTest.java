package io.shardline.common.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationsTest {

    @ParameterizedTest
    @CsvSource({
            "168h0m0s, 604800000000000",
            "5m0s, 300000000000",
            "5m, 300000000000",
            "1s, 1000000000",
            "30s, 30000000000",
            "500ms, 500000000",
            "1h30m, 5400000000000",
            "1.5h, 5400000000000",
            "0, 0",
            "0s, 0",
            "7d, 604800000000000",
            "1w, 604800000000000",
            "10us, 10000",
            "10\u00b5s, 10000",
            "10\u03bcs, 10000",
            "3ns, 3",
            "-1m, -60000000000",
            "200s, 200000000000",
            "2562047h47m16.854775807s, 9223372036854775807"
    })
    void parses(String text, long nanos) {
        assertThat(GoDurations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @CsvSource({
            "604800000000000, 168h0m0s",
            "300000000000, 5m0s",
            "1000000000, 1s",
            "60000000000, 1m0s",
            "3600000000000, 1h0m0s",
            "1500000000, 1.5s",
            "500000000, 500ms",
            "1500000, 1.5ms",
            "10000, 10\u00b5s",
            "3, 3ns",
            "0, 0s",
            "-60000000000, -1m0s",
            "90061000000000, 25h1m1s",
            "9223372036854775807, 2562047h47m16.854775807s",
            "-9223372036854775808, -2562047h47m16.854775808s"
    })
    void formatsLikeGo(long nanos, String text) {
        assertThat(GoDurations.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "5", "5x", "h", "1.2.3s", "--1s", "s5", "9999999999h"})
    void rejects(String text) {
        assertThatThrownBy(() -> GoDurations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"168h0m0s", "5m0s", "1s", "1.5s", "500ms", "0s", "1h0m0s", "25h1m1s", "10\u00b5s"})
    void roundTrips(String text) {
        assertThat(GoDurations.format(GoDurations.parse(text))).isEqualTo(text);
    }
}
