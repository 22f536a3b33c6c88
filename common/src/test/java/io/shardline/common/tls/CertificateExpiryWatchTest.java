package io.shardline.common.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.time.ManualClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateExpiryWatchTest {

    @TempDir
    Path dir;

    @Test
    void warnsWithinTheWindowAndOnceExpired() {
        CertificateAuthority ca = CertificateAuthority.create("test CA", Duration.ofDays(30), new SecureRandom());
        ca.issue("data1", List.of("localhost"), List.of(), Duration.ofDays(2)).write(dir.resolve("d.pem"),
                dir.resolve("d-key.pem"));
        ManualClock clock = new ManualClock(System.currentTimeMillis());
        Map<String, Path> files = Map.of("[http] https-certificate", dir.resolve("d.pem"));

        assertThat(new CertificateExpiryWatch(files, Duration.ofDays(1), clock).findings()).isEmpty();
        List<CertificateExpiryWatch.Finding> soon = new CertificateExpiryWatch(files, Duration.ofDays(5), clock).findings();
        assertThat(soon).hasSize(1);
        assertThat(soon.get(0).expired()).isFalse();
        assertThat(soon.get(0).describe()).startsWith("TLS certificate expires soon key=\"[http] https-certificate\" file="
                + dir.resolve("d.pem") + " subject=\"CN=data1\"").contains(" in=4");

        clock.advance(Duration.ofDays(3));
        List<CertificateExpiryWatch.Finding> expired = new CertificateExpiryWatch(files, Duration.ofDays(5), clock)
                .findings();
        assertThat(expired).hasSize(1);
        assertThat(expired.get(0).expired()).isTrue();
        assertThat(expired.get(0).describe()).startsWith("TLS certificate has expired").doesNotContain(" in=");
    }

    @Test
    void looksAQuarterOfTheWindowApartWithinAMinuteAndADay() {
        assertThat(CertificateExpiryWatch.period(Duration.ofDays(5))).isEqualTo(Duration.ofDays(1));
        assertThat(CertificateExpiryWatch.period(Duration.ofHours(8))).isEqualTo(Duration.ofHours(2));
        assertThat(CertificateExpiryWatch.period(Duration.ofSeconds(10))).isEqualTo(Duration.ofMinutes(1));
    }
}
