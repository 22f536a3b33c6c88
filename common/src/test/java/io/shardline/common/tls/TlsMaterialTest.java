package io.shardline.common.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ShardlineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {

    @TempDir
    Path dir;

    private final CertificateAuthority ca = CertificateAuthority.create("test CA", Duration.ofDays(1), new SecureRandom());

    @Test
    void issuedCertificatesCarryTheirNamesAndChainToTheCa() throws Exception {
        CertificateAuthority.Issued node = ca.issue("meta1", List.of("localhost", "meta1"), List.of("127.0.0.1"),
                Duration.ofDays(1));
        node.write(dir.resolve("n.pem"), dir.resolve("n-key.pem"));
        ca.writeCertificate(dir.resolve("ca.pem"));
        X509Certificate cert = PemFiles.certificates(dir.resolve("n.pem"), "k").get(0);
        cert.verify(ca.certificate().getPublicKey());
        assertThat(cert.getSubjectAlternativeNames().stream().map(l -> (Object) l.get(1)).toList())
                .containsExactly("localhost", "meta1", "127.0.0.1");
        assertThat(Files.readString(dir.resolve("n-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(dir.resolve("n-key.pem"))).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        X509TrustManager trust = (X509TrustManager) TlsMaterial.client(false,
                TlsOptions.DEFAULT.withCaCertificate(dir.resolve("ca.pem"))).trustManagers().getTrustManagers()[0];
        trust.checkServerTrusted(new X509Certificate[] {cert}, "ECDHE_ECDSA");
    }

    @Test
    void aBundleHoldsCertificateAndKey() throws Exception {
        ca.issue("n", List.of("localhost"), List.of(), Duration.ofDays(1)).write(dir.resolve("c.pem"), dir.resolve("k.pem"));
        Files.writeString(dir.resolve("bundle.pem"), Files.readString(dir.resolve("c.pem")) + Files.readString(dir.resolve("k.pem")));
        TlsMaterial m = TlsMaterial.identity(dir.resolve("bundle.pem"), null, false, TlsOptions.DEFAULT, "[http] https-certificate");
        assertThat(m.keyManagers().getKeyManagers()).hasSize(1);
        assertThat(m.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
    }

    @Test
    void missingOrWrongFilesNameTheKey() throws Exception {
        assertThatThrownBy(() -> TlsMaterial.identity(dir.resolve("none.pem"), null, false, TlsOptions.DEFAULT,
                "[http] https-certificate")).isInstanceOf(ShardlineException.class)
                .hasMessageStartingWith("[http] https-certificate " + dir.resolve("none.pem") + ": cannot read it");
        ca.writeCertificate(dir.resolve("ca.pem"));
        assertThatThrownBy(() -> TlsMaterial.identity(dir.resolve("ca.pem"), null, false, TlsOptions.DEFAULT,
                "[cluster] https-certificate")).hasMessageContaining("no PEM private key");
        Files.writeString(dir.resolve("junk.pem"), "hello");
        assertThatThrownBy(() -> PemFiles.certificates(dir.resolve("junk.pem"), "k")).hasMessageContaining("no PEM certificate");
    }

    @Test
    void versionsFollowInfluxNames() {
        assertThat(new TlsOptions("tls1.0", "TLS1.2", List.of(), null).protocols())
                .containsExactly("TLSv1", "TLSv1.1", "TLSv1.2");
        assertThat(new TlsOptions("tls1.3", "", List.of(), null).protocols()).containsExactly("TLSv1.3");
        assertThatThrownBy(() -> new TlsOptions("ssl3", "", List.of(), null)).hasMessageContaining("unknown TLS version ssl3");
        assertThatThrownBy(() -> new TlsOptions("tls1.3", "tls1.2", List.of(), null).protocols())
                .hasMessageContaining("above max-version");
        assertThat(TlsOptions.forClients(null)).isEqualTo(TlsOptions.DEFAULT);
        assertThat(TlsOptions.forClients("/x/ca.pem").caCertificate()).isEqualTo(Path.of("/x/ca.pem"));
    }
}
