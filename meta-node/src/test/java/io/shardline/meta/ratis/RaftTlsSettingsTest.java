package io.shardline.meta.ratis;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.tls.CertificateAuthority;
import io.shardline.common.tls.TlsMaterial;
import io.shardline.common.tls.TlsOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.grpc.GrpcUtil;
import org.apache.ratis.thirdparty.io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Raft port's TLS, as Ratis builds it from our parameters, keeps [tls]'s versions and ciphers. */
class RaftTlsSettingsTest {

    @TempDir
    Path dir;

    @Test
    void raftTlsUsesTheTlsSectionsVersionsAndCiphers() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("test CA", Duration.ofDays(1), new SecureRandom());
        ca.issue("meta1", List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(1))
                .write(dir.resolve("m.pem"), dir.resolve("m-key.pem"));
        ca.writeCertificate(dir.resolve("ca.pem"));
        String cipher = "TLS_AES_256_GCM_SHA384";
        TlsOptions options = new TlsOptions("tls1.3", "", List.of(cipher), dir.resolve("ca.pem"));
        TlsMaterial tls = TlsMaterial.identity(dir.resolve("m.pem"), dir.resolve("m-key.pem"), false, options,
                "[meta] https-certificate");
        GrpcTlsConfig conf = GrpcConfigKeys.TLS.conf(RaftSettings.parameters(tls));
        assertThat(conf.isMutualTls()).isTrue();
        for (var context : List.of(GrpcUtil.buildSslContextForServer(conf), GrpcUtil.buildSslContextForClient(conf))) {
            SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT);
            assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.3");
            assertThat(engine.getEnabledCipherSuites()).containsExactly(cipher);
        }
    }
}
