package io.shardline.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.net.HostPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain HTTP sent to an HTTPS listener gets Go's 400 (as InfluxDB 1.x answers); TLS clients are unaffected. */
class PlainHttpOnTlsPortTest {

    @TempDir
    Path dir;

    @Test
    void plainHttpGetsGosAnswerAndTlsStillWorks() throws Exception {
        TestTls tls = TestTls.create(dir);
        HttpRouter router = new HttpRouter().route(Set.of("GET"), "/ping", req -> HttpResult.text(200, "pong"));
        try (HttpServer server = new HttpServer("test", new HostPort("127.0.0.1", 0), "[test] bind", router, 1024, 2)
                .tls(HttpsContext.server(tls.identity()))) {
            server.start();
            int port = server.boundAddress().port();
            for (String request : List.of("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n", "POST /write HTTP/1.1\r\n",
                    "OPTIONS * HTTP/1.1\r\n")) {
                assertThat(exchange(port, request)).as(request).isEqualTo(
                        "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n");
            }
            // Not HTTP and not TLS: closed without an answer, as Go does.
            assertThat(exchange(port, "hello world\r\n")).isEmpty();
            HttpResponse<String> pong = tls.client().send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + port + "/ping")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(pong.statusCode()).isEqualTo(200);
            assertThat(pong.body()).isEqualTo("pong");
        }
    }

    /** Sends {@code request} and reads until the server closes (10 s at most). */
    private static String exchange(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            try {
                in.transferTo(got);
            } catch (java.net.SocketException reset) {
                // a reset after the answer still leaves what was read
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
