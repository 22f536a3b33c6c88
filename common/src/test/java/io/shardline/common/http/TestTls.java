package io.shardline.common.http;

import io.shardline.common.tls.CertificateAuthority;
import io.shardline.common.tls.TlsMaterial;
import io.shardline.common.tls.TlsOptions;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

/** For HTTPS tests: a server identity for localhost/127.0.0.1 issued by a throwaway CA, and a client trusting it. */
record TestTls(TlsMaterial identity, HttpClient client) {

    /** Writes the CA and the certificate into {@code dir}. */
    static TestTls create(Path dir) {
        CertificateAuthority ca = CertificateAuthority.create("test CA", Duration.ofDays(1), new SecureRandom());
        ca.issue("n", List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(1))
                .write(dir.resolve("n.pem"), dir.resolve("n-key.pem"));
        ca.writeCertificate(dir.resolve("ca.pem"));
        TlsMaterial identity = TlsMaterial.identity(dir.resolve("n.pem"), dir.resolve("n-key.pem"), false,
                TlsOptions.DEFAULT, "[http] https-certificate");
        HttpClient client = HttpClient.newBuilder().sslContext(TlsMaterial.client(false,
                TlsOptions.DEFAULT.withCaCertificate(dir.resolve("ca.pem"))).sslContext()).build();
        return new TestTls(identity, client);
    }
}
