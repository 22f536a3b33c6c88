package io.shardline.common.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The node-wide TLS choices of the {@code [tls]} section: the lowest and highest protocol version,
 * the cipher suites (IANA names, as Go and the JDK spell them; empty keeps the JDK's defaults), and
 * the certificate authorities trusted when verifying other nodes (a PEM file; null means the JDK's
 * default trust store). Immutable.
 */
public record TlsOptions(String minVersion, String maxVersion, List<String> ciphers, Path caCertificate) {

    /** TLS 1.2 and 1.3, default ciphers, the JDK's trust store. */
    public static final TlsOptions DEFAULT = new TlsOptions("", "", List.of(), null);

    private static final List<String> VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    public TlsOptions {
        ciphers = List.copyOf(ciphers);
        protocolOf(minVersion);
        protocolOf(maxVersion);
    }

    /**
     * The options of a command-line client (shardline-ctl, bench, export/import): the defaults, trusting
     * the CA file named by {@code SSL_CERT_FILE} if set (as Go and OpenSSL clients do), else the JDK's.
     */
    public static TlsOptions forClients(String sslCertFile) {
        return sslCertFile == null || sslCertFile.isBlank() ? DEFAULT : DEFAULT.withCaCertificate(Path.of(sslCertFile));
    }

    /** The same options trusting {@code ca} instead. */
    public TlsOptions withCaCertificate(Path ca) {
        return new TlsOptions(minVersion, maxVersion, ciphers, ca);
    }

    /** The JDK protocol names enabled, from min-version (default tls1.2) to max-version (default tls1.3). */
    public String[] protocols() {
        int from = minVersion.isBlank() ? VERSIONS.indexOf("TLSv1.2") : VERSIONS.indexOf(protocolOf(minVersion));
        int to = maxVersion.isBlank() ? VERSIONS.size() - 1 : VERSIONS.indexOf(protocolOf(maxVersion));
        if (from > to) {
            throw new IllegalArgumentException("[tls] min-version " + minVersion + " is above max-version " + maxVersion);
        }
        return new ArrayList<>(VERSIONS.subList(from, to + 1)).toArray(String[]::new);
    }

    /**
     * The JDK name of a version as InfluxDB's {@code [tls]} spells it ({@code tls1.0} .. {@code tls1.3},
     * any case); blank gives "".
     *
     * @throws IllegalArgumentException for anything else
     */
    public static String protocolOf(String version) {
        if (version == null || version.isBlank()) {
            return "";
        }
        return switch (version.trim().toLowerCase(Locale.ROOT)) {
            case "tls1.0", "tls10", "tlsv1", "tlsv1.0" -> "TLSv1";
            case "tls1.1", "tls11", "tlsv1.1" -> "TLSv1.1";
            case "tls1.2", "tls12", "tlsv1.2" -> "TLSv1.2";
            case "tls1.3", "tls13", "tlsv1.3" -> "TLSv1.3";
            default -> throw new IllegalArgumentException("unknown TLS version " + version
                    + " (use tls1.0, tls1.1, tls1.2 or tls1.3)");
        };
    }
}
