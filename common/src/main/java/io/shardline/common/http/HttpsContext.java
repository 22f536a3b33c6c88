package io.shardline.common.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.tls.TlsMaterial;
import javax.net.ssl.SSLException;

/**
 * The Netty context of an HTTPS listener ({@code [http] https-enabled}): the material's certificate,
 * the {@code [tls]} protocols and ciphers, the JDK provider (as gRPC's, so {@code [tls]} means one
 * thing everywhere), HTTP/1.1 only. Stateless.
 */
public final class HttpsContext {

    private HttpsContext() {
    }

    public static SslContext server(TlsMaterial tls) {
        SslContextBuilder b = SslContextBuilder.forServer(tls.keyManagers()).sslProvider(SslProvider.JDK)
                .protocols(tls.protocols());
        if (!tls.ciphers().isEmpty()) {
            b.ciphers(tls.ciphers());
        }
        try {
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new ShardlineException(ErrorCode.CONFIG_INVALID, "cannot set up HTTPS: " + e.getMessage(), e);
        }
    }
}
