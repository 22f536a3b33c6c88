package io.shardline.launcher.bench;

import io.shardline.launcher.ApiConnection;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Small HTTP helpers shared by the benchmark commands. */
final class BenchHttp {

    private BenchHttp() {
    }

    /** Runs one InfluxQL statement with POST /query and fails on a non-200 answer or a statement error. */
    static String query(HttpClient client, ApiConnection conn, String baseUrl, String statement)
            throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl + "/query?q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8));
        HttpResponse<String> r = client.send(conn.authorize(HttpRequest.newBuilder(uri)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || r.body().contains("\"error\"")) {
            throw new IOException("query \"" + statement + "\" failed: " + r.statusCode() + " " + r.body().trim());
        }
        return r.body();
    }
}
