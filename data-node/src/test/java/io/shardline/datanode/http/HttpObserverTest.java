package io.shardline.datanode.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.http.HttpResult;
import io.shardline.common.http.HttpServer;
import io.shardline.common.http.StatusFilter;
import io.shardline.common.net.HostPort;
import io.shardline.common.stats.StatSnapshot;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.ManualClock;
import io.shardline.datanode.write.ConsistencyLevel;
import io.shardline.datanode.write.WriteService;
import io.shardline.model.Point;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code httpd} / {@code queryExecutor} counters and the 1.x access log line, through a real server. */
class HttpObserverTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final StatsRegistry registry = new StatsRegistry();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private ShardlineException failure;
    private HttpServer server;

    private void start(List<StatusFilter> filters, boolean suppressWrites) {
        WriteService service = new WriteService() {
            @Override
            public boolean databaseExists(String database) {
                return true;
            }

            @Override
            public long write(String database, String rp, ConsistencyLevel level, List<Point> points) {
                clock.advance(java.time.Duration.ofNanos(1_500_000));
                if (failure != null) {
                    throw failure;
                }
                return 1;
            }
        };
        HttpdStats httpd = new HttpdStats(registry, "127.0.0.1:0");
        DataNodeHttpApi api = new DataNodeHttpApi();
        api.stream(Set.of("POST"), "/write", new WriteHandler(service, clock, 10_000).observedBy(httpd, false));
        api.route(Set.of("GET"), "/query", r -> "bad".equals(r.param("q")) ? HttpResult.json(400, "{}")
                : HttpResult.json(200, "{\"results\":[]}"));
        AccessLog log = new AccessLog(new PrintStream(logged, true, StandardCharsets.UTF_8), "[httpd] ", false);
        server = new HttpServer("http", new HostPort("127.0.0.1", 0), "[http] bind-address",
                new HttpObserver(api.handler(), httpd, clock, log, filters, suppressWrites), 10_000, 2);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void countsRequestsByKindAndPoints() throws Exception {
        start(List.of(), false);
        assertThat(send("GET", "/ping", null).statusCode()).isEqualTo(204);
        assertThat(send("POST", "/write?db=db", "cpu v=1 1\ncpu v=2 2\n").statusCode()).isEqualTo(204);
        failure = new ShardlineException(ErrorCode.PARTIAL_WRITE, "partial write: field type conflict dropped=1");
        assertThat(send("POST", "/write?db=db", "cpu v=1 1\ncpu v=2 2\ncpu v=3 3").statusCode()).isEqualTo(400);
        failure = new ShardlineException(ErrorCode.TIMEOUT, "timeout");
        assertThat(send("POST", "/write?db=db", "cpu v=1 1").statusCode()).isEqualTo(500);
        assertThat(send("GET", "/query?q=show+databases", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/query?q=bad", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/nowhere", null).statusCode()).isEqualTo(404);

        Map<String, Object> v = registry.snapshot("httpd").get(0).values();
        assertThat(registry.snapshot("httpd").get(0).tags()).containsEntry("bind", "127.0.0.1:0");
        assertThat(v).containsEntry("req", 7L).containsEntry("pingReq", 1L).containsEntry("writeReq", 3L)
                .containsEntry("queryReq", 2L).containsEntry("pointsWrittenOK", 4L)
                .containsEntry("pointsWrittenDropped", 1L).containsEntry("pointsWrittenFail", 1L)
                .containsEntry("clientError", 3L).containsEntry("serverError", 1L)
                .containsEntry("writeReqBytes", 58L).containsEntry("reqActive", 0L).containsEntry("writeReqActive", 0L)
                .containsEntry("writeReqDurationNs", 4_500_000L).containsEntry("queryRespBytes", 16L)
                .containsEntry("authFail", 0L).containsEntry("promWriteReq", 0L);
        StatSnapshot q = registry.snapshot("queryExecutor").get(0);
        assertThat(q.values()).containsEntry("queriesExecuted", 1L).containsEntry("queriesFinished", 1L)
                .containsEntry("queriesActive", 0L);
    }

    @Test
    void writesTheAccessLogIn1xFormat() throws Exception {
        start(List.of(StatusFilter.parse("2xx"), StatusFilter.parse("404")), true);
        send("GET", "/ping", null);
        send("POST", "/write?db=db", "cpu v=1 1");
        send("GET", "/query?q=bad", null);
        send("GET", "/nowhere?u=bob&p=secret", null);
        String[] lines = logged.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).matches("\\[httpd\\] 127\\.0\\.0\\.1 - - \\[\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d "
                + "[+-]\\d{4}\\] \"GET /ping HTTP/1\\.1\" 204 0 \"-\" \"Java-http-client/[^\"]+\" [0-9a-f-]{36} 0");
        assertThat(lines[1]).contains(" - bob [").contains("\"GET /nowhere?p=%5BREDACTED%5D&u=bob HTTP/1.1\" 404 19 ");
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.boundAddress().port() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
