package io.shardline.config;

import static io.shardline.config.ConfigTypes.DURATION;
import static io.shardline.config.ConfigTypes.STRING;
import static io.shardline.config.ConfigTypes.STRING_LIST;

import io.shardline.common.tls.TlsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code [tls]} section, shared by meta and data nodes: protocol versions and cipher suites of
 * every TLS listener and client of the node (HTTP API, gRPC, Raft), and the certificate authorities
 * trusted for other nodes' certificates, and how early to warn that the node's own certificates expire.
 */
public record TlsConfig(String minVersion, String maxVersion, List<String> ciphers, String caCertificate,
                        Duration advancedExpiration) {

    public static final String SECTION = "tls";

    public TlsConfig {
        ciphers = List.copyOf(ciphers);
    }

    public static final ConfigKey<String> MIN_VERSION = ConfigKey.of(SECTION, "min-version", STRING, "")
            .doc("Lowest TLS version accepted or offered: tls1.0, tls1.1, tls1.2 or tls1.3; empty means tls1.2.")
            .validator(TlsConfig::checkVersion).build();
    public static final ConfigKey<String> MAX_VERSION = ConfigKey.of(SECTION, "max-version", STRING, "")
            .doc("Highest TLS version: tls1.0 .. tls1.3; empty means tls1.3.").validator(TlsConfig::checkVersion).build();
    public static final ConfigKey<List<String>> CIPHERS = ConfigKey.of(SECTION, "ciphers", STRING_LIST, List.<String>of())
            .doc("Cipher suites allowed, by IANA name (e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256); empty keeps"
                    + " the JDK's defaults. TLS 1.3 suites are TLS_AES_128_GCM_SHA256 and the like.").build();
    public static final ConfigKey<String> CA_CERTIFICATE = ConfigKey.of(SECTION, "ca-certificate", STRING, "")
            .doc("PEM file of the certificate authorities trusted when this node verifies another node's"
                    + " certificate (TLS between nodes, and the client certificates Raft requires between meta"
                    + " nodes); empty uses the JDK's default trust store.").shardlineOnly().build();

    public static final ConfigKey<Duration> ADVANCED_EXPIRATION = ConfigKey.of(SECTION, "advanced-expiration", DURATION,
            Duration.ofDays(5))
            .doc("How long before one of this node's certificates (https-certificate of every TLS endpoint switched"
                    + " on) expires to start logging a warning, checked at start and then regularly (a quarter of"
                    + " this, at most daily); an expired certificate is logged as an error. 0 turns it off.")
            .build();

    public static void declare(ConfigDef.Builder b) {
        b.keys(MIN_VERSION, MAX_VERSION, CIPHERS, CA_CERTIFICATE, ADVANCED_EXPIRATION);
    }

    public static TlsConfig from(Config c) {
        return new TlsConfig(c.get(MIN_VERSION), c.get(MAX_VERSION), c.get(CIPHERS), c.get(CA_CERTIFICATE),
                c.get(ADVANCED_EXPIRATION));
    }

    /** The options every TLS endpoint of the node is built with. */
    public TlsOptions options() {
        return new TlsOptions(minVersion, maxVersion, ciphers, caCertificate.isBlank() ? null : Path.of(caCertificate));
    }

    private static String checkVersion(String version) {
        try {
            TlsOptions.protocolOf(version);
            return null;
        } catch (IllegalArgumentException e) {
            return "must be one of tls1.0, tls1.1, tls1.2, tls1.3";
        }
    }
}
