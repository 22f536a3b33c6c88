package io.shardline.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.net.HostPort;
import io.shardline.common.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared server's limits: what a client past each one sees, and that the server keeps answering. */
class HttpLimitsTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final List<Socket> sockets = new ArrayList<>();
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private HttpServer server;

    private final HttpRouter router = new HttpRouter()
            .routeInline(Set.of("GET"), "/ping", req -> HttpResult.noContent())
            .route(Set.of("GET"), "/ok", req -> HttpResult.text(200, "ok"))
            .route(Set.of("GET"), "/block", req -> {
                entered.countDown();
                release.await(30, TimeUnit.SECONDS);
                return HttpResult.text(200, "done");
            })
            .stream(Set.of("POST"), "/count", (head, body) -> HttpResult.text(200, Long.toString(body.readAllBytes().length)));

    private int start(HttpLimits limits) {
        server = new HttpServer("test", new HostPort("127.0.0.1", 0), "[test] bind", router, limits, Clock.system());
        server.start();
        return server.boundAddress().port();
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        for (Socket s : sockets) {
            s.close();
        }
        clients.shutdownNow();
        server.close();
    }

    private Socket open(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(10_000);
        sockets.add(s);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static RawHttp.Response get(int port, String path) throws IOException {
        return RawHttp.exchange(port, RawHttp.request("GET", path, new byte[0]), 10_000);
    }

    @Test
    void gzipBombIsRefusedWith413NotInflated() throws Exception {
        int port = start(HttpLimits.of(1 << 20, 2));
        byte[] bomb = GzipBodyTest.gzip(new byte[256 << 20]);
        RawHttp.Response r = RawHttp.exchange(port, RawHttp.request("POST", "/count", bomb, "Content-Encoding: gzip"),
                30_000);
        assertThat(r.status()).isEqualTo(413);
        byte[] fine = GzipBodyTest.gzip(new byte[1000]);
        assertThat(RawHttp.exchange(port, RawHttp.request("POST", "/count", fine, "Content-Encoding: gzip"), 10_000)
                .bodyText()).isEqualTo("1000");
    }

    @Test
    void connectionsBeyondMaxConnectionLimitAreClosedAtOnce() throws Exception {
        int port = start(HttpLimits.of(1 << 20, 2).withConnections(2));
        Socket a = open(port);
        Socket b = open(port);
        // both answered first, so both are counted before the third arrives (connections are counted on the
        // event loop each lands on, so without this the third could be counted before the second)
        for (Socket s : new Socket[] {a, b}) {
            send(s, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(RawHttp.read(s.getInputStream()).bodyText()).isEqualTo("ok");
        }
        Socket c = open(port);
        assertThat(c.getInputStream().read()).isEqualTo(-1);
        b.close();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            try {
                return get(port, "/ok").status() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Test
    void overloadIsShedWith503AndRetryAfterWhilePingStillAnswers() throws Exception {
        int port = start(HttpLimits.of(1 << 20, 1).withQueue(1, 1 << 20));
        Future<RawHttp.Response> running = clients.submit(() -> get(port, "/block"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Socket queued = open(port);
        send(queued, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> get(port, "/ok").status() == 503);
        RawHttp.Response shed = get(port, "/ok");
        assertThat(shed.status()).isEqualTo(503);
        assertThat(shed.header("Retry-After")).isEqualTo("1");
        assertThat(shed.bodyText()).isEqualTo("{\"error\":\"server overloaded: too many requests in progress\"}\n");
        assertThat(get(port, "/ping").status()).isEqualTo(204);
        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS).bodyText()).isEqualTo("done");
        assertThat(RawHttp.read(queued.getInputStream()).bodyText()).isEqualTo("ok");
    }

    @Test
    void requestBodiesBeyondTheBudgetAreShedWith503() throws Exception {
        int port = start(HttpLimits.of(8 << 20, 2).withQueue(16, 100_000));
        Socket holder = open(port);
        send(holder, "POST /count HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n" + "x".repeat(90_000));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(server.bodyBytesInUse()).isEqualTo(90_000));
        RawHttp.Response shed = RawHttp.exchange(port, RawHttp.request("POST", "/count", new byte[50_000]), 10_000);
        assertThat(shed.status()).isEqualTo(503);
        assertThat(shed.header("Retry-After")).isEqualTo("1");
        assertThat(shed.bodyText()).isEqualTo("{\"error\":\"server overloaded: too much request data in progress\"}\n");
        holder.close();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                RawHttp.exchange(port, RawHttp.request("POST", "/count", new byte[50_000]), 10_000).status() == 200);
    }

    @Test
    void slowClientsHoldNoWorkerAndTimeOutWith408() throws Exception {
        int port = start(HttpLimits.of(1 << 20, 1).withTimeouts(Duration.ofMillis(300), Duration.ofMillis(600),
                Duration.ofMillis(400)));
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Socket s = open(port);
            send(s, "POST /count HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc");
            slow.add(s);
        }
        assertThat(get(port, "/ok").bodyText()).isEqualTo("ok"); // the only worker is free
        for (Socket s : slow) {
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.bodyText()).isEqualTo("{\"error\":\"request not received within read-timeout\"}\n");
        }
        Socket head = open(port);
        send(head, "GET /ok HTTP/1.1\r\nHost: x\r\n");
        assertThat(RawHttp.read(head.getInputStream()).status()).isEqualTo(408);
        Socket idle = open(port);
        assertThat(idle.getInputStream().read()).isEqualTo(-1);
        Socket keepAlive = open(port);
        send(keepAlive, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
        InputStream in = keepAlive.getInputStream();
        assertThat(RawHttp.read(in).bodyText()).isEqualTo("ok");
        assertThat(in.read()).isEqualTo(-1); // closed after idle-timeout
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        int port = start(HttpLimits.of(1 << 20, 4));
        Socket s = open(port);
        send(s, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\nPOST /count HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                + "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
        InputStream in = s.getInputStream();
        assertThat(RawHttp.read(in).bodyText()).isEqualTo("ok");
        assertThat(RawHttp.read(in).bodyText()).isEqualTo("3");
        assertThat(RawHttp.read(in).status()).isEqualTo(204);
    }

    /**
     * A keep-alive client that sends its next request, body in many small segments, the moment it has
     * read an answer (as Java's HttpClient does) must never find the connection closed: the server once
     * took such a request for pipelining beyond its backlog and cut the connection without an answer.
     */
    @Test
    void aRequestSentTheMomentTheLastAnswerArrivedIsNeverCutOff() throws Exception {
        int port = start(HttpLimits.of(64 << 20, 2));
        Socket s = open(port);
        s.setTcpNoDelay(true);
        byte[] piece = new byte[1024];
        int pieces = 300; // over HttpConnection.STREAM_AFTER: the handler reads the body as it arrives
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        for (int i = 0; i < 200; i++) {
            out.write(("POST /count HTTP/1.1\r\nHost: x\r\nContent-Length: " + pieces * piece.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            for (int k = 0; k < pieces; k++) {
                out.write(piece);
                out.flush();
            }
            RawHttp.Response r = RawHttp.read(in);
            assertThat(r.status()).as("request %d", i).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo(Integer.toString(pieces * piece.length));
        }
    }

    @Test
    void writeThrottleAnswersLike1x() throws Exception {
        WriteThrottle throttle = new WriteThrottle(1, 1, Duration.ofMillis(200), "test", Clock.system());
        StreamingHttpHandler blocking = throttle.wrap((head, body) -> {
            entered.countDown();
            release.await(30, TimeUnit.SECONDS);
            return HttpResult.noContent();
        });
        router.stream(Set.of("POST"), "/write", blocking);
        int port = start(HttpLimits.of(1 << 20, 4));
        Future<RawHttp.Response> first = clients.submit(() ->
                RawHttp.exchange(port, RawHttp.request("POST", "/write", new byte[1]), 30_000));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        RawHttp.Response waited = RawHttp.exchange(port, RawHttp.request("POST", "/write", new byte[1]), 10_000);
        assertThat(waited.status()).isEqualTo(503);
        assertThat(waited.bodyText()).isEqualTo("request throttled, exceeds timeout\n");
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(204);
    }

    @Test
    void writeThrottleQueueFullIs503() throws Exception {
        WriteThrottle throttle = new WriteThrottle(1, 1, Duration.ZERO, "test", Clock.system());
        router.stream(Set.of("POST"), "/write", throttle.wrap((head, body) -> {
            entered.countDown();
            release.await(30, TimeUnit.SECONDS);
            return HttpResult.noContent();
        }));
        int port = start(HttpLimits.of(1 << 20, 4));
        List<Future<RawHttp.Response>> held = new ArrayList<>();
        held.add(clients.submit(() -> RawHttp.exchange(port, RawHttp.request("POST", "/write", new byte[1]), 30_000)));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        held.add(clients.submit(() -> RawHttp.exchange(port, RawHttp.request("POST", "/write", new byte[1]), 30_000)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            RawHttp.Response r = RawHttp.exchange(port, RawHttp.request("POST", "/write", new byte[1]), 10_000);
            return r.status() == 503 && r.bodyText().equals("request throttled, queue full\n");
        });
        release.countDown();
        for (Future<RawHttp.Response> f : held) {
            assertThat(f.get(10, TimeUnit.SECONDS).status()).isEqualTo(204);
        }
    }
}
