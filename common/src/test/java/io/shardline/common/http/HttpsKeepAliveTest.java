package io.shardline.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.net.HostPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many keep-alive POSTs over HTTPS from several threads, as {@code shardline bench write} sends them. */
class HttpsKeepAliveTest {

    @TempDir
    Path dir;

    @Test
    void everyRequestOnReusedTlsConnectionsIsAnswered() throws Exception {
        TestTls tls = TestTls.create(dir);
        HttpRouter router = new HttpRouter().stream(Set.of("POST"), "/write", (head, body) -> {
            byte[] buf = new byte[65536];
            while (body.read(buf) >= 0) {
                // drain
            }
            return HttpResult.noContent();
        });
        HttpClient client = tls.client();
        try (HttpServer server = new HttpServer("test", new HostPort("127.0.0.1", 0), "[test] bind", router,
                64 << 20, 4).tls(HttpsContext.server(tls.identity()))) {
            server.start();
            URI uri = URI.create("https://localhost:" + server.boundAddress().port() + "/write?db=x");
            byte[] body = new byte[300_000]; // over STREAM_AFTER: the handler reads it as it arrives
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        try {
                            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 204) {
                                errors.add("status " + r.statusCode());
                            }
                        } catch (Exception e) {
                            errors.add(e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertThat(errors).isEmpty();
        }
    }
}
