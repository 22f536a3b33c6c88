package io.shardline.datanode.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.http.HttpLimits;
import io.shardline.common.http.HttpServer;
import io.shardline.common.http.RawHttp;
import io.shardline.common.net.HostPort;
import io.shardline.common.time.ManualClock;
import io.shardline.datanode.write.ConsistencyLevel;
import io.shardline.datanode.write.WriteService;
import io.shardline.model.Point;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /write} status codes and bodies, as InfluxDB 1.8 answers them. */
class WriteHandlerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Point> written = new ArrayList<>();
    private final List<ConsistencyLevel> levels = new ArrayList<>();
    private ShardlineException nextFailure;
    private HttpServer server;

    @BeforeEach
    void start() {
        ManualClock clock = new ManualClock(1_600_000_000_123L);
        WriteService service = new WriteService() {
            @Override
            public boolean databaseExists(String database) {
                return database.equals("db");
            }

            @Override
            public long write(String database, String rp, ConsistencyLevel level, List<Point> points) {
                if (nextFailure != null) {
                    throw nextFailure;
                }
                written.addAll(points);
                levels.add(level);
                return 1000L + written.size();
            }
        };
        DataNodeHttpApi api = new DataNodeHttpApi();
        api.stream(Set.of("POST"), "/write", new WriteHandler(service, clock, 10_000));
        server = new HttpServer("http", new HostPort("127.0.0.1", 0), "[http] bind-address", api.handler(), HttpLimits.of(10_000, 2), clock)
                .responseHeaders(DataNodeHttpApi.responseHeaders(), true);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String query, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.boundAddress().port()
                + "/write" + query)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String query, String body) throws Exception {
        return post(query, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(HttpResponse<String> r, int status, String message) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(r.headers().firstValue("X-Influxdb-Version")).isPresent();
        assertThat(r.body()).isEqualTo("{\"error\":" + io.shardline.common.json.GoJson.quote(message) + "}\n");
    }

    @Test
    void goodBodyIs204AndDefaultsToConsistencyOne() throws Exception {
        HttpResponse<String> r = post("?db=db", "cpu value=1 10\ncpu value=2 20\n");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(written).hasSize(2);
        assertThat(levels).containsExactly(ConsistencyLevel.ONE);
        assertThat(r.headers().firstValue(WriteHandler.VERSION_HEADER)).contains("1002");
    }

    @Test
    void requestChecksInInfluxOrder() throws Exception {
        assertError(post("", "cpu value=1"), 400, "database is required");
        assertError(post("?db=nope", "cpu value=1"), 404, "database not found: \"nope\"");
        assertError(post("?db=db&precision=x", "cpu value=1"), 400, "invalid precision \"x\" (use n, u, ms, s, m or h)");
        assertError(post("?db=db&consistency=most", "cpu value=1"), 400, "invalid consistency level");
        assertThat(post("?db=db&consistency=most", "").statusCode()).isEqualTo(204);
        assertThat(written).isEmpty();
    }

    @Test
    void unparseableBodyIs400WithTheParserText() throws Exception {
        assertError(post("?db=db", "cpu value= 2"), 400, "unable to parse 'cpu value= 2': missing field value");
    }

    /**
     * A file saved on Windows ends its line with CR: InfluxDB 1.6.7 answers 400 with the CR escaped in
     * the body and turned into a space in X-Influxdb-Error (bytes taken from influxd 1.6.7 on loopback).
     */
    @Test
    void carriageReturnInAParseErrorIsAnsweredLikeInfluxDb() throws Exception {
        byte[] line = "m,host=a value=1 1600000000000000000\r".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response r = RawHttp.exchange(server.boundAddress().port(),
                RawHttp.request("POST", "/write?db=db", line), 5_000);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyText()).isEqualTo(
                "{\"error\":\"unable to parse 'm,host=a value=1 1600000000000000000\\r': bad timestamp\"}\n");
        assertThat(r.headerLines()).contains(
                "X-Influxdb-Error: unable to parse 'm,host=a value=1 1600000000000000000 ': bad timestamp",
                "Content-Type: application/json", "Content-Length: 84");
        assertThat(r.header("Request-Id")).isEqualTo(r.header("X-Request-Id")).isNotBlank();
        // control bytes other than CR and LF travel as they are, as Go writes them
        r = RawHttp.exchange(server.boundAddress().port(), RawHttp.request("POST", "/write?db=db",
                "m value=1 16000\u0001\u0000\u007f00\u001b\r\n\tm value=2 x\n".getBytes(StandardCharsets.UTF_8)), 5_000);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("X-Influxdb-Error")).isEqualTo("unable to parse 'm value=1 16000\u0001\u0000\u007f00\u001b"
                + " ': bad timestamp unable to parse 'm value=2 x': bad timestamp");
        assertThat(r.bodyText()).isEqualTo("{\"error\":\"unable to parse 'm value=1 16000\\u0001\\u0000\u007f00\\u001b\\r':"
                + " bad timestamp\\nunable to parse 'm value=2 x': bad timestamp\"}\n");
        assertThat(post("?db=db", "cpu value=1 1").statusCode()).isEqualTo(204);
    }

    @Test
    void goodLinesAreStoredWhenOthersFail() throws Exception {
        HttpResponse<String> r = post("?db=db", "cpu value=1 1\ncpu value= 2\ncpu value=3 3\nmem x\n");
        assertError(r, 400, "partial write: unable to parse 'cpu value= 2': missing field value\n"
                + "unable to parse 'mem x': invalid field format dropped=0");
        assertThat(written).extracting(Point::timestamp).containsExactly(1L, 3L);
        assertThat(r.headers().firstValue(WriteHandler.VERSION_HEADER)).as("the stored lines' version").contains("1002");
    }

    @Test
    void precisionScalesTimestampsAndMissingTimesUseNowTruncated() throws Exception {
        assertThat(post("?db=db&precision=s", "cpu value=1 5\ncpu value=2").statusCode()).isEqualTo(204);
        assertThat(written).extracting(Point::timestamp).containsExactly(5_000_000_000L, 1_600_000_000_000_000_000L);
    }

    @Test
    void gzipBodiesAreAccepted() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("cpu value=1 1\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(post("?db=db", bytes.toByteArray(), "Content-Encoding", "gzip").statusCode()).isEqualTo(204);
        assertThat(written).hasSize(1);
        assertError(post("?db=db", "not gzip".getBytes(StandardCharsets.UTF_8), "Content-Encoding", "gzip"), 400,
                "unexpected EOF"); // InfluxDB 1.6.7: 8 bytes are too short for a gzip header
    }

    @Test
    void bodiesOverMaxBodySizeAre413() throws Exception {
        assertError(post("?db=db", "cpu value=1 1\n".repeat(1_000)), 413, "Request Entity Too Large");
        assertThat(written).isEmpty();
    }

    @Test
    void writeErrorsMapToInfluxStatuses() throws Exception {
        nextFailure = new ShardlineException(ErrorCode.WRITE_FAILED, "partial write");
        assertError(post("?db=db&consistency=all", "cpu value=1"), 500, "partial write");
        nextFailure = new ShardlineException(ErrorCode.TIMEOUT, "timeout");
        assertError(post("?db=db", "cpu value=1"), 500, "timeout");
        nextFailure = new ShardlineException(ErrorCode.PARTIAL_WRITE, "partial write: field type conflict: input field"
                + " \"value\" on measurement \"cpu\" is type string, already exists as type float dropped=1");
        assertThat(post("?db=db", "cpu value=\"x\"").statusCode()).isEqualTo(400);
        nextFailure = new ShardlineException(ErrorCode.META_UNAVAILABLE, "meta service unavailable");
        assertThat(post("?db=db", "cpu value=1").statusCode()).isEqualTo(503);
        nextFailure = new ShardlineException(ErrorCode.QUEUE_FULL, "write failed: queue is full");
        assertError(post("?db=db", "cpu value=1"), 500, "write failed: queue is full");
    }
}
