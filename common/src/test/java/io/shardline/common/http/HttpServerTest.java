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
import java.nio.charset.StandardCharsets;
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
    void everyFailureIsAnswered500WithTheJsonErrorAndTheWorkersSurvive() throws Exception {
        HttpRouter router = new HttpRouter()
                .route(Set.of("GET"), "/ok", req -> HttpResult.text(200, "ok"))
                .route(Set.of("GET"), "/error", req -> {
                    throw new StackOverflowError();
                })
                .route(Set.of("GET"), "/null", req -> null)
                .route(Set.of("GET"), "/header", req -> HttpResult.text(200, "x")
                        .withHeader("X-Odd", "a\r\nInjected: yes\u0001 ").withHeader("x-lower-case", "\t\u00e9 "));
        try (HttpServer server = new HttpServer("test", new HostPort("127.0.0.1", 0), "[test] bind", router, 1024, 2)
                .responseHeaders(java.util.Map.of("X-Influxdb-Build", "ENT"), true)) {
            server.start();
            int port = server.boundAddress().port();
            // more failures than workers: a dead worker would leave the later ones unanswered
            for (int i = 0; i < 5; i++) {
                RawHttp.Response boom = RawHttp.exchange(port, get("/error", "X-Request-Id: req-" + i), 5_000);
                assertThat(boom.status()).isEqualTo(500);
                assertThat(boom.bodyText()).isEqualTo("{\"error\":\"StackOverflowError\"}\n");
                assertThat(boom.header("X-Request-Id")).isEqualTo("req-" + i);
                assertThat(boom.header("X-Influxdb-Build")).isEqualTo("ENT");
                assertThat(boom.header("X-Influxdb-Error")).isEqualTo("StackOverflowError");
            }
            assertThat(RawHttp.exchange(port, get("/null"), 5_000).status()).isEqualTo(500);
            RawHttp.Response odd = RawHttp.exchange(port, get("/header"), 5_000);
            assertThat(odd.status()).isEqualTo(200);
            assertThat(odd.headerLines()).contains("X-Odd: a  Injected: yes\u0001", "X-Lower-Case: \u00c3\u00a9")
                    .noneMatch(l -> l.startsWith("Injected"));
            assertThat(odd.headerLines().get(odd.headerLines().size() - 1)).isEqualTo("Content-Length: 1");
            assertThat(RawHttp.exchange(port, get("/ok"), 5_000).bodyText()).isEqualTo("ok");
        }
    }

    @Test
    void unreadableRequestsGetGosBadRequestAndBadEscapesAreSkipped() throws Exception {
        HttpRouter router = new HttpRouter()
                .route(Set.of("GET"), "/echo", req -> HttpResult.text(200, req.params().toString()));
        try (HttpServer server = new HttpServer("test", new HostPort("127.0.0.1", 0), "[test] bind", router, 1024, 2)) {
            server.start();
            int port = server.boundAddress().port();
            RawHttp.Response bad = RawHttp.exchange(port, "GET /echo%zz HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1), 5_000);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.bodyText()).isEqualTo("400 Bad Request");
            RawHttp.Response garbage = RawHttp.exchange(port, "\u0001\u0002 nonsense\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1), 5_000);
            assertThat(garbage.status()).isEqualTo(400);
            RawHttp.Response params = RawHttp.exchange(port, get("/echo?a=1&b=%zz&c=x+y&d;e=2&a=3"), 5_000);
            assertThat(params.bodyText()).isEqualTo("{a=[1, 3], c=[x y]}");
        }
    }

    private static byte[] get(String target, String... headers) {
        return RawHttp.request("GET", target, new byte[0], headers);
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
