package io.shardline.testkit;

import io.shardline.common.tls.CertificateAuthority;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

/**
 * A throwaway CA and one loopback node certificate (127.0.0.1, localhost) written as PEM files under a
 * directory, for TLS tests.
 */
record TlsFixture(Path ca, Path certificate, Path key) {

    static TlsFixture create(Path dir, String caName) {
        CertificateAuthority authority = CertificateAuthority.create(caName, Duration.ofDays(1), new SecureRandom());
        TlsFixture f = new TlsFixture(dir.resolve("ca.pem"), dir.resolve("node.pem"), dir.resolve("node-key.pem"));
        authority.writeCertificate(f.ca);
        authority.issue("node", List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(1))
                .write(f.certificate, f.key);
        return f;
    }

    static String literal(Path p) {
        return "\"" + p.toString().replace("\\", "/") + "\"";
    }
}
