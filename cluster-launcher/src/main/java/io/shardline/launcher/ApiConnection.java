package io.shardline.launcher;

import io.shardline.common.tls.TlsMaterial;
import io.shardline.common.tls.TlsOptions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import picocli.CommandLine.Option;

/**
 * How the client commands ({@code shardline bench}, {@code shardline drill}) reach the HTTP API: credentials
 * sent on every request (Basic, as the {@code influx} shell does) and, for an {@code https://} URL, the trust of
 * {@code $SSL_CERT_FILE} (or the JDK's) unless {@code -unsafeSsl}. A picocli mixin; read-only after parsing.
 */
public final class ApiConnection {

    @Option(names = {"-username", "--username"}, description = "User name (default: $INFLUX_USERNAME).")
    String username = System.getenv("INFLUX_USERNAME");

    @Option(names = {"-password", "--password"}, description = "Password (default: $INFLUX_PASSWORD).")
    String password = System.getenv("INFLUX_PASSWORD");

    @Option(names = {"-unsafeSsl", "--unsafeSsl"}, description = "Do not verify the server's certificate.")
    boolean unsafeSsl;

    /** An HTTP client for the API; HTTPS trusts $SSL_CERT_FILE, else the JDK's store, or anything with -unsafeSsl. */
    public HttpClient client() {
        return client(Duration.ofSeconds(5));
    }

    /** {@link #client()} giving up connecting after {@code connectTimeout}. */
    public HttpClient client(Duration connectTimeout) {
        // HTTP/1.1 as InfluxDB's clients speak it: the JDK default (HTTP/2) sends "Connection: Upgrade,
        // HTTP2-Settings" and "Upgrade: h2c" on every request to a server that never upgrades
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .sslContext(TlsMaterial.client(unsafeSsl, TlsOptions.forClients(System.getenv("SSL_CERT_FILE")))
                        .sslContext()).build();
    }

    /** {@code b} with the credentials, if a user is given. */
    public HttpRequest.Builder authorize(HttpRequest.Builder b) {
        if (username == null || username.isEmpty()) {
            return b;
        }
        String pair = username + ":" + (password == null ? "" : password);
        return b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
}
