package io.shardline.launcher.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.query.ast.Idents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import io.shardline.common.tls.TlsMaterial;
import io.shardline.common.tls.TlsOptions;
import java.net.URI;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * {@link ImportTarget} over the 1.x HTTP API, sending what influx's client sends: {@code GET /ping},
 * {@code POST /query?q=&db=}, {@code POST /write?db=&rp=&precision=&consistency=} with the body as is,
 * and basic authentication when a user is given. Requests run on the calling thread through
 * {@link HttpURLConnection}, which keeps the connection alive between them; the asynchronous
 * {@code java.net.http} client hands every 16 KiB of a body between threads, which cost milliseconds
 * per request on a busy 2-core machine. Used by one thread.
 */
final class HttpImportTarget implements ImportTarget {

    /** Status and body text of one exchange; status 0 and the failure when there was no answer. */
    private record Answer(int status, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 300_000;

    private final String url;
    private final String precision;
    private final String consistency;
    private final String authorization;
    private final boolean unsafeSsl;
    private final SSLSocketFactory tls;

    /** @param unsafeSsl accept any server certificate on an https URL ({@code -unsafeSsl}) */
    HttpImportTarget(String url, String precision, String consistency, String username, String password,
                     boolean unsafeSsl) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.unsafeSsl = unsafeSsl;
        this.tls = url.startsWith("https:")
                ? TlsMaterial.client(unsafeSsl, TlsOptions.forClients(System.getenv("SSL_CERT_FILE"))).sslContext()
                        .getSocketFactory()
                : null;
        this.precision = precision;
        this.consistency = consistency;
        this.authorization = username == null || username.isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String address() {
        return url;
    }

    @Override
    public boolean ping() {
        return exchange("GET", "/ping", null).status() / 100 == 2;
    }

    @Override
    public String query(String statement, String db) {
        Answer a = exchange("POST", "/query?q=" + enc(statement) + "&db=" + enc(db), new byte[0]);
        if (a.status() == 0) {
            return a.body();
        }
        JsonNode body = parse(a.body());
        if (body == null) {
            return a.status() / 100 == 2 ? null : a.status() + " " + a.body().strip();
        }
        if (body.hasNonNull("error")) {
            return body.get("error").asText();
        }
        for (JsonNode result : body.path("results")) {
            if (result.hasNonNull("error")) {
                return result.get("error").asText();
            }
        }
        return null;
    }

    @Override
    public Set<String> retentionPolicies(String db) {
        Set<String> names = new HashSet<>();
        JsonNode body = parse(exchange("GET", "/query?q=" + enc("SHOW RETENTION POLICIES ON " + Idents.quoteIdent(db)),
                null).body());
        if (body != null) {
            for (JsonNode series : body.path("results").path(0).path("series")) {
                for (JsonNode row : series.path("values")) {
                    names.add(row.path(0).asText());
                }
            }
        }
        return names;
    }

    @Override
    public WriteResponse write(String db, String rp, byte[] body) {
        Answer a = exchange("POST", "/write?db=" + enc(db) + "&rp=" + enc(rp) + "&precision=" + enc(precision)
                + "&consistency=" + enc(consistency), body);
        if (a.status() == 204 || a.status() == 200) {
            return WriteResponse.ok();
        }
        if (a.status() == 0) {
            return new WriteResponse(0, "error writing batch: " + a.body());
        }
        JsonNode json = parse(a.body());
        return new WriteResponse(a.status(), json != null && json.hasNonNull("error") ? json.get("error").asText()
                : a.body().strip());
    }

    private Answer exchange(String method, String pathAndQuery, byte[] body) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) URI.create(url + pathAndQuery).toURL().openConnection();
            if (c instanceof HttpsURLConnection https && tls != null) {
                https.setSSLSocketFactory(tls);
                if (unsafeSsl) {
                    https.setHostnameVerifier((host, session) -> true);
                }
            }
            c.setRequestMethod(method);
            c.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            c.setReadTimeout(READ_TIMEOUT_MILLIS);
            if (authorization != null) {
                c.setRequestProperty("Authorization", authorization);
            }
            if (body != null) {
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String text = "";
            if (in != null) {
                try (in) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Answer(status, text);
        } catch (IOException | IllegalArgumentException e) {
            if (c != null) {
                c.disconnect();
            }
            return new Answer(0, e.toString());
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
