package io.shardline.config;

import io.shardline.common.error.ShardlineException;
import io.shardline.common.tls.TlsMaterial;
import io.shardline.common.tls.TlsOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * One TLS switch of InfluxDB Enterprise's shape ({@code https-enabled}, {@code https-certificate},
 * {@code https-private-key}, {@code https-insecure-tls}) as one section declares it; {@code keyPrefix}
 * (e.g. {@code [cluster] }) names the keys in errors.
 */
public record TlsEndpointConfig(String keyPrefix, boolean enabled, String certificate, String privateKey,
                                boolean insecure) {

    /** Plaintext. */
    public static TlsEndpointConfig off(String keyPrefix) {
        return new TlsEndpointConfig(keyPrefix, false, "", "", false);
    }

    /**
     * This endpoint's certificate, key and trust, or null when TLS is off.
     *
     * @throws ShardlineException CONFIG_INVALID naming the key when the files are missing or unusable
     */
    public TlsMaterial identity(TlsOptions options) {
        if (!enabled) {
            return null;
        }
        if (certificate.isBlank()) {
            throw ShardlineException.invalid(keyPrefix + "https-enabled = true needs " + keyPrefix + "https-certificate");
        }
        return TlsMaterial.identity(Path.of(certificate), privateKey.isBlank() ? null : Path.of(privateKey), insecure,
                options, keyPrefix + "https-certificate");
    }

    /**
     * The key naming this endpoint's certificate and the file, or an empty map when TLS is off (what
     * {@code [tls] advanced-expiration} watches).
     */
    public Map<String, Path> certificateFile() {
        return enabled && !certificate.isBlank() ? Map.of(keyPrefix + "https-certificate", Path.of(certificate)) : Map.of();
    }

    /** Never prints file contents (there are none here) but keeps key paths visible. */
    @Override
    public String toString() {
        return keyPrefix + "https-enabled=" + enabled;
    }
}
