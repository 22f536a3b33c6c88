package io.shardline.common.rpc;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.tls.TlsMaterial;
import javax.net.ssl.SSLException;

/**
 * Turns {@link TlsMaterial} into the (shaded) Netty contexts of gRPC: HTTP/2 over TLS with ALPN,
 * the JDK's TLS provider (the same as the HTTP API and Ratis, so {@code [tls]} means one thing),
 * the {@code [tls]} protocols and ciphers. Stateless.
 */
public final class GrpcTls {

    private GrpcTls() {
    }

    /**
     * The context of a gRPC server.
     *
     * @param requireClientCertificate mutual TLS: refuse clients without a trusted certificate
     */
    public static SslContext server(TlsMaterial tls, boolean requireClientCertificate) {
        SslContextBuilder b = SslContextBuilder.forServer(tls.keyManagers()).trustManager(tls.trustManagers())
                .clientAuth(requireClientCertificate ? ClientAuth.REQUIRE : ClientAuth.NONE);
        return build(b, tls);
    }

    /** The context of a gRPC client; presents the material's certificate if it has one. */
    public static SslContext client(TlsMaterial tls) {
        SslContextBuilder b = SslContextBuilder.forClient().trustManager(tls.trustManagers());
        if (tls.keyManagers() != null) {
            b.keyManager(tls.keyManagers());
        }
        return build(b, tls);
    }

    private static SslContext build(SslContextBuilder b, TlsMaterial tls) {
        b.protocols(tls.protocols());
        if (!tls.ciphers().isEmpty()) {
            b.ciphers(tls.ciphers());
        }
        try {
            return GrpcSslContexts.configure(b, SslProvider.JDK).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new ShardlineException(ErrorCode.CONFIG_INVALID, "cannot set up TLS for gRPC: " + e.getMessage(), e);
        }
    }
}
