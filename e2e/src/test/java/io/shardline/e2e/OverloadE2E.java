package io.shardline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardline.common.http.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One data node under hostile load, as real processes: 2,000 idle connections, 200 slow-body clients, a gzip
 * bomb and a query bomb while a steady writer runs. {@code /ping} keeps answering, every acknowledged point is
 * there afterwards, the node's resident memory stays under its heap (1 GiB) plus a 768 MiB margin (direct
 * buffers, RocksDB, JVM), and its log names what it shed. Short timeouts keep it near a minute.
 */
class OverloadE2E {

    private static final ClusterScript CLUSTER = new ClusterScript("overload", E2ePorts.base(29000))
            .env("SHARDLINE_HTTP_READ_TIMEOUT", "5s")
            .env("SHARDLINE_HTTP_READ_HEADER_TIMEOUT", "5s")
            .env("SHARDLINE_HTTP_IDLE_TIMEOUT", "20s")
            .env("SHARDLINE_CLUSTER_QUERY_TIMEOUT", "10s")
            .env("SHARDLINE_ANTI_ENTROPY_ENABLED", "false");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long RSS_MARGIN_KB = 768L * 1024;
    private static String url;
    private static int port;
    private static long pid;

    @BeforeAll
    static void up() throws Exception {
        CLUSTER.upFresh("--meta", "1", "--data", "1").ok();
        url = CLUSTER.url("data1");
        port = URI.create(url).getPort();
        pid = CLUSTER.status().get("data1").pid();
    }

    @AfterAll
    static void down() {
        CLUSTER.close();
    }

    private static int port() {
        return port;
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> query(String q) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url + "/query?db=load&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void aNodeUnderHostileLoadKeepsAnsweringAndLosesNoAcknowledgedWrite() throws Exception {
        assertThat(query("CREATE DATABASE load").statusCode()).isEqualTo(200);
        ExecutorService pool = Executors.newCachedThreadPool();
        ScheduledExecutorService steady = Executors.newScheduledThreadPool(2);
        AtomicLong attempts = new AtomicLong();
        AtomicInteger acked = new AtomicInteger();
        List<String> problems = new CopyOnWriteArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        try {
            steady.scheduleWithFixedDelay(() -> writeOne(attempts, acked), 0, 50, TimeUnit.MILLISECONDS);
            steady.scheduleWithFixedDelay(() -> probe(problems), 0, 200, TimeUnit.MILLISECONDS);
            for (int i = 0; i < 2_000; i++) {
                sockets.add(connect());
            }
            for (int i = 0; i < 200; i++) {
                Socket s = connect();
                sockets.add(s);
                s.getOutputStream().write(("POST /write?db=load HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n"
                        + "cpu value=1 ").getBytes(StandardCharsets.ISO_8859_1));
            }
            Future<RawHttp.Response> gzipBomb = pool.submit(() -> RawHttp.exchange(port(), RawHttp.request("POST",
                    "/write?db=load", gzipBomb(), "Content-Encoding: gzip"), 60_000));
            Future<HttpResponse<String>> queryBomb = pool.submit(() -> query(
                    "SELECT count(value) FROM cpu WHERE time >= 0 AND time < now() GROUP BY time(1ns)"));
            assertThat(gzipBomb.get(60, TimeUnit.SECONDS).status()).isEqualTo(413);
            assertThat(queryBomb.get(60, TimeUnit.SECONDS).body()).contains("query memory limit exceeded");
            // the slow-body clients are cut off after read-timeout; the writer goes on meanwhile
            await().atMost(Duration.ofSeconds(60)).until(() -> logOf("data1").contains("reason=read-timeout"));
            await().atMost(Duration.ofSeconds(60)).until(() -> acked.get() >= 100);
        } finally {
            steady.shutdownNow();
            steady.awaitTermination(10, TimeUnit.SECONDS);
            for (Socket s : sockets) {
                s.close();
            }
            pool.shutdownNow();
        }
        assertThat(problems).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(storedSteadyPoints())
                .isGreaterThanOrEqualTo(acked.get()));
        assertThat(logOf("data1")).contains("Shed load");
    }

    /** One point per call, each with a timestamp of its own; counts the ones answered 204. */
    private static void writeOne(AtomicLong attempts, AtomicInteger acked) {
        long t = 1_600_000_000_000_000_000L + attempts.incrementAndGet();
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + "/write?db=load"))
                    .POST(HttpRequest.BodyPublishers.ofString("cpu,writer=steady value=1 " + t)));
            if (r.statusCode() == 204) {
                acked.incrementAndGet();
            }
        } catch (Exception e) {
            // refused or failed: not acknowledged
        }
    }

    /** /ping must answer and the node's resident memory stay under heap plus margin, all along. */
    private static void probe(List<String> problems) {
        try {
            int status = RawHttp.exchange(port(), RawHttp.request("GET", "/ping", new byte[0]), 5_000).status();
            if (status != 204) {
                problems.add("/ping answered " + status);
            }
            long rss = rssKb();
            if (rss > 1024L * 1024 + RSS_MARGIN_KB) {
                problems.add("RSS " + rss + " kB");
            }
        } catch (Exception e) {
            problems.add("/ping failed: " + e);
        }
    }

    private static long storedSteadyPoints() throws Exception {
        String body = query("SELECT count(value) FROM cpu WHERE writer = 'steady'").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(",(\\d+)\\]\\]").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String logOf(String node) throws IOException {
        return Files.readString(CLUSTER.dir().resolve(node).resolve(node + ".log"));
    }

    private static Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port()), 5_000);
        return s;
    }

    private static byte[] gzipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                gz.write(zeros);
            }
        }
        return out.toByteArray();
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + pid);
    }
}
