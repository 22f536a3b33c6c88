package io.shardline.tsm.interop;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real InfluxDB 1.x ({@code influxd} from Debian's package) for interop tests: its own
 * directories, HTTP and RPC (backup/restore) on free loopback ports, stopped by pid.
 */
public final class Influxd implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final int httpPort;
    private final int rpcPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    private Influxd(Path dir, int httpPort, int rpcPort) {
        this.dir = dir;
        this.httpPort = httpPort;
        this.rpcPort = rpcPort;
    }

    /** Whether {@code influxd} is on the PATH. */
    public static boolean installed() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "influxd"))) {
                return true;
            }
        }
        return false;
    }

    /** Starts influxd with its data under {@code dir} and waits until it answers /ping. */
    public static Influxd start(Path dir) throws IOException {
        return start(dir, freePort(), freePort());
    }

    /** Starts influxd with HTTP and RPC (backup/restore) on the given loopback ports. */
    public static Influxd start(Path dir, int httpPort, int rpcPort) throws IOException {
        Influxd i = new Influxd(dir, httpPort, rpcPort);
        i.launch();
        return i;
    }

    private void launch() throws IOException {
        Files.createDirectories(dir);
        Path conf = dir.resolve("influxdb.conf");
        Files.writeString(conf, String.join("\n",
                "reporting-disabled = true",
                "bind-address = \"127.0.0.1:" + rpcPort + "\"",
                "[meta]", "  dir = \"" + dir.resolve("meta") + "\"",
                "[data]", "  dir = \"" + dir.resolve("data") + "\"", "  wal-dir = \"" + dir.resolve("wal") + "\"",
                "  query-log-enabled = false",
                "[http]", "  bind-address = \"127.0.0.1:" + httpPort + "\"", "  log-enabled = false",
                "[monitor]", "  store-enabled = false",
                "[continuous_queries]", "  enabled = false", ""));
        process = new ProcessBuilder("influxd", "-config", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("influxd.log").toFile()).start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(this::pings);
    }

    private boolean pings() {
        if (!process.isAlive()) {
            throw new IllegalStateException("influxd exited; see " + dir.resolve("influxd.log"));
        }
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url("/ping"))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String rpcAddress() {
        return "127.0.0.1:" + rpcPort;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /** Runs an InfluxQL statement (POST) and returns the JSON; fails on an HTTP or statement error. */
    public JsonNode query(String db, String q) throws IOException, InterruptedException {
        String params = "epoch=ns&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + (db == null ? "" : "&db=" + URLEncoder.encode(db, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/query?" + params)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(r.body());
        if (r.statusCode() != 200 || json.path("results").path(0).has("error")) {
            throw new IllegalStateException("query " + q + " failed: " + r.statusCode() + " " + r.body());
        }
        return json;
    }

    /** The status and body of a GET of {@code /query?<params>} (params already URL-encoded). */
    public HttpResponse<String> queryGet(String params) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url("/query?" + params))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Writes a line-protocol body (nanosecond precision); fails unless 204. */
    public void write(String db, String rp, byte[] body) throws IOException, InterruptedException {
        String u = url("/write?db=" + URLEncoder.encode(db, StandardCharsets.UTF_8) + (rp == null ? "" : "&rp=" + rp));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(u))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 204) {
            throw new IllegalStateException("write failed: " + r.statusCode() + " " + r.body());
        }
    }

    /** Runs {@code influxd <args>} against this server's RPC address and returns its output. */
    public String tool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("influxd"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Stops influxd (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * A loopback port below the kernel's ephemeral range (32768-60999): a port from {@code bind(0)}
     * could be taken by an outgoing connection before influxd binds it.
     */
    private static int freePort() throws IOException {
        for (int port = nextPort; port < 20_500; port++) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1);
                nextPort = port + 1;
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free loopback port in 20400..20499");
    }

    private static int nextPort = 20_400;
}
