package io.shardline.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.net.HostPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(HostPort addr, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + addr.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesRequestsAndAnswersUnknownPathsLikeGo() throws Exception {
        HttpRouter router = new HttpRouter()
                .route(Set.of("GET"), "/hello", req -> HttpResult.text(200, "hi " + req.param("name")))
                .route(Set.of("GET"), "/boom", req -> {
                    throw new IllegalStateException("bad <thing>");
                });
        try (HttpServer server = new HttpServer("test", new HostPort("127.0.0.1", 0), "[test] bind", router, 1024, 2)) {
            server.start();
            HostPort addr = server.boundAddress();
            assertThat(get(addr, "/hello?name=x").body()).isEqualTo("hi x");
            HttpResponse<String> missing = get(addr, "/nope");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("404 page not found\n");
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + addr.port() + "/hello"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            HttpResponse<String> boom = get(addr, "/boom");
            assertThat(boom.statusCode()).isEqualTo(500);
            assertThat(boom.body()).isEqualTo("{\"error\":\"bad \\u003cthing\\u003e\"}\n");
        }
    }

    @Test
    void streamingRoutesReadLargeBodiesAsTheyArriveAndTheLimitGives413() throws Exception {
        HttpRouter router = new HttpRouter()
                .stream(Set.of("POST"), "/count", (head, body) -> {
                    long n = 0;
                    byte[] buf = new byte[8192];
                    for (int r; (r = body.read(buf)) > 0; ) {
                        n += r;
                    }
                    return HttpResult.text(200, Long.toString(n));
                })
                .route(Set.of("POST"), "/echo", req -> HttpResult.text(200, new String(req.body())));
        try (HttpServer server = new HttpServer("test", new HostPort("127.0.0.1", 0), "[test] bind", router, 32 << 20, 2)) {
            server.start();
            URI base = URI.create("http://127.0.0.1:" + server.boundAddress().port());
            byte[] big = new byte[20 << 20];
            HttpResponse<String> counted = client.send(HttpRequest.newBuilder(base.resolve("/count"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(counted.body()).isEqualTo(Long.toString(big.length));
            HttpResponse<String> echoed = client.send(HttpRequest.newBuilder(base.resolve("/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(echoed.body()).isEqualTo("hello");
        }
        try (HttpServer small = new HttpServer("test", new HostPort("127.0.0.1", 0), "[test] bind", router, 1000, 2)) {
            small.start();
            URI base = URI.create("http://127.0.0.1:" + small.boundAddress().port());
            HttpResponse<String> tooLarge = client.send(HttpRequest.newBuilder(base.resolve("/echo"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[5000])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            HttpResponse<String> fine = client.send(HttpRequest.newBuilder(base.resolve("/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("ok")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(fine.body()).isEqualTo("ok");
        }
    }

    @Test
    void portInUseGivesOneLineErrorNamingTheKey() {
        try (HttpServer first = new HttpServer("a", new HostPort("127.0.0.1", 0), "[a] bind", (r, b) -> HttpResult.noContent(), 0, 1)) {
            first.start();
            HostPort taken = first.boundAddress();
            HttpServer second = new HttpServer("b", taken, "[http] bind-address", (r, b) -> HttpResult.noContent(), 0, 1);
            assertThatThrownBy(second::start)
                    .isInstanceOf(ShardlineException.class)
                    .satisfies(e -> assertThat(((ShardlineException) e).code()).isEqualTo(ErrorCode.ADDRESS_IN_USE))
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.port() + " ([http] bind-address): ")
                    .hasMessageNotContaining("\n");
            second.close();
        }
    }
}
