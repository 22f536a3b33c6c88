package io.shardline.common.tls;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Everything one TLS endpoint needs, built once from configuration: its own certificate and key
 * (servers, and clients of mutual TLS; null otherwise), what it trusts (the {@code [tls]} CA file,
 * the JDK's trust store, or anything when insecure), and the protocols and ciphers of {@code [tls]}.
 * The Netty contexts of the HTTP API, every gRPC server and channel, and Ratis are all made from
 * this one type. Immutable.
 */
public record TlsMaterial(KeyManagerFactory keyManagers, TrustManagerFactory trustManagers, boolean insecure,
                          String[] protocols, List<String> ciphers) {

    /**
     * A server (or mutual-TLS client) identity.
     *
     * @param certificate PEM certificate chain, leaf first
     * @param privateKey  PEM private key; null or blank: the key is in the certificate file
     * @param insecure    accept any peer certificate (InfluxDB's {@code https-insecure-tls})
     * @param keyName     the configuration key named in errors, e.g. {@code [http] https-certificate}
     */
    public static TlsMaterial identity(Path certificate, Path privateKey, boolean insecure, TlsOptions options,
                                       String keyName) {
        List<X509Certificate> chain = PemFiles.certificates(certificate, keyName);
        boolean bundled = privateKey == null || privateKey.toString().isBlank();
        PrivateKey key = PemFiles.privateKey(bundled ? certificate : privateKey,
                bundled ? keyName : keyName.replace("certificate", "private-key"));
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("node", key, password, chain.toArray(Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            return new TlsMaterial(kmf, trust(options, insecure), insecure, options.protocols(), options.ciphers());
        } catch (GeneralSecurityException | IOException e) {
            throw new ShardlineException(ErrorCode.CONFIG_INVALID, keyName + " " + certificate
                    + ": the certificate and private key do not make a usable identity: " + e.getMessage(), e);
        }
    }

    /** A client without its own certificate. */
    public static TlsMaterial client(boolean insecure, TlsOptions options) {
        return new TlsMaterial(null, trust(options, insecure), insecure, options.protocols(), options.ciphers());
    }

    /** A JDK context for HTTPS clients (java.net.http, HttpsURLConnection) with this material. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ShardlineException(ErrorCode.CONFIG_INVALID, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory trust(TlsOptions options, boolean insecure) {
        if (insecure) {
            return InsecureTrust.factory();
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (options.caCertificate() == null) {
                tmf.init((KeyStore) null);
                return tmf;
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : PemFiles.certificates(options.caCertificate(), "[tls] ca-certificate")) {
                store.setCertificateEntry("ca" + i++, ca);
            }
            tmf.init(store);
            return tmf;
        } catch (GeneralSecurityException | IOException e) {
            throw new ShardlineException(ErrorCode.CONFIG_INVALID, "[tls] ca-certificate "
                    + options.caCertificate() + ": " + e.getMessage(), e);
        }
    }
}
