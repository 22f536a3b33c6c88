package io.shardline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardline.common.tls.TlsMaterial;
import io.shardline.common.tls.TlsOptions;
import java.io.IOException;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code scripts/cluster.sh up --secure} (1 meta, 2 data, base port 27000): the real {@code influx}
 * shell and the Python {@code influxdb} client connect over HTTPS with the admin user the script
 * created; a reader cannot write; shardline-ctl works with {@code -bind-tls} and credentials; a data
 * node started with a wrong internal secret is refused and says so; hinted handoff drains and
 * anti-entropy brings back a wiped replica over the secured links.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecureE2E {

    private static final int BASE = E2ePorts.base(27000);
    private static final ClusterScript CLUSTER = new ClusterScript("secure", BASE)
            .env("SHARDLINE_ANTI_ENTROPY_CHECK_INTERVAL", "2s")
            .env("SHARDLINE_HINTED_HANDOFF_RETRY_MAX_INTERVAL", "1s")
            .env("SHARDLINE_CLUSTER_DIAL_TIMEOUT", "500ms")
            .env("SHARDLINE_GOSSIP_FREQUENCY", "1s");
    private static final Pattern HINTS_QUEUED = Pattern.compile("\"queueBytes\":[1-9]");
    private static final long SECOND = 1_000_000_000L;

    private static Map<String, String> secrets;
    private static Path ca;
    private static HttpClient https;
    private static String admin;

    @BeforeAll
    static void up() throws Exception {
        String out = CLUSTER.upFresh("--secure", "--meta", "1", "--data", "2").output();
        assertThat(out).contains("influx -ssl -unsafeSsl", "-bind-tls -auth-type basic", "InfluxDBClient(");
        ca = CLUSTER.dir().resolve("secure/ca.pem");
        secrets = new HashMap<>();
        for (String line : Files.readAllLines(CLUSTER.dir().resolve("secure/secrets.env"))) {
            secrets.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        admin = secrets.get("ADMIN_PASSWORD");
        assertThat(out).contains(admin);
        https = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .sslContext(TlsMaterial.client(false, TlsOptions.DEFAULT.withCaCertificate(ca)).sslContext()).build();
        // the config files hold the secrets: owner only, and `shardline config` never prints them
        Path conf = CLUSTER.dir().resolve("data1/data1.toml");
        assertThat(Files.getPosixFilePermissions(conf)).containsExactlyInAnyOrder( // a HashSet: no fixed order
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        Run config = exec(List.of(CLUSTER.repo().resolve("scripts/shardline").toString(), "config", "data", "-config",
                conf.toString()), Map.of());
        assertThat(config.out()).contains("https-enabled = true").doesNotContain(secrets.get("INTERNAL_SECRET"))
                .doesNotContain(secrets.get("JWT_SECRET"));
    }

    @AfterAll
    static void down() {
        CLUSTER.close();
    }

    @Test
    @Order(1)
    void theInfluxShellAndThePythonClientConnectOverHttpsWithAUser() {
        String port = Integer.toString(httpPort("data1"));
        Run ddl = exec(List.of("influx", "-ssl", "-unsafeSsl", "-host", "127.0.0.1", "-port", port, "-username", "admin",
                "-password", admin, "-execute", "CREATE DATABASE sec WITH REPLICATION 2; CREATE USER reader WITH"
                        + " PASSWORD 'r3ad'; GRANT READ ON sec TO reader"), Map.of());
        assertThat(ddl.exit()).as(ddl.out()).isZero();
        Run insert = exec(List.of("influx", "-ssl", "-unsafeSsl", "-host", "127.0.0.1", "-port", port, "-username",
                "admin", "-password", admin, "-database", "sec", "-execute", "INSERT m,host=a v=1 1000000000"), Map.of());
        assertThat(insert.exit()).as(insert.out()).isZero();
        String python = "from influxdb import InfluxDBClient\n"
                + "c = InfluxDBClient('127.0.0.1', " + port + ", 'reader', 'r3ad', database='sec', ssl=True,"
                + " verify_ssl='" + ca + "')\n"
                + "print(list(c.query('SELECT v FROM m').get_points()))\n"
                + "try:\n"
                + "    c.write_points([{'measurement': 'm', 'fields': {'v': 2.0}}])\n"
                + "    print('WROTE')\n"
                + "except Exception as e:\n"
                + "    print('REFUSED', e)\n";
        // Debian's interpreter, where python3-influxdb is installed (a pyenv "python3" on PATH may lack it)
        String interpreter = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Run py = exec(List.of(interpreter, "-c", python), Map.of());
        assertThat(py.exit()).as(py.out()).isZero();
        assertThat(py.out()).contains("[{'time': '1970-01-01T00:00:01Z', 'v': 1}]")
                .contains("REFUSED").contains("not authorized to write").doesNotContain("WROTE");
    }

    @Test
    @Order(2)
    void aReaderCannotWriteAndNobodyGetsInWithoutCredentials() throws Exception {
        HttpResponse<String> reader = post("data2", "/write?db=sec", "m v=3", "reader", "r3ad");
        assertThat(reader.statusCode()).isEqualTo(403);
        assertThat(reader.body()).isEqualTo("{\"error\":\"\\\"reader\\\" user is not authorized to write to database"
                + " \\\"sec\\\"\"}\n");
        assertThat(post("data2", "/query?db=sec&q=SELECT+*+FROM+m", "", null, null).statusCode()).isEqualTo(401);
        assertThat(post("data2", "/query?db=sec&q=SELECT+*+FROM+m", "", "reader", "r3ad").body()).contains("\"v\"");
    }

    @Test
    @Order(2)
    void theMetaStatusPortIsHttpsAndServesOnlyAdmins() throws Exception {
        String url = CLUSTER.url("meta1");
        assertThat(url).startsWith("https://");
        HttpRequest.Builder ping = HttpRequest.newBuilder(URI.create(url + "/ping")).timeout(Duration.ofSeconds(30));
        assertThat(https.send(ping.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        HttpResponse<String> anonymous = https.send(HttpRequest.newBuilder(URI.create(url + "/status"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(get("meta1", "/status").body()).startsWith("{\"nodeType\":\"meta\"");
        assertThat(get("meta1", "/show-cluster").body()).contains("\"httpScheme\":\"https\"")
                .doesNotContain("\"httpScheme\":\"http\"");
    }

    @Test
    @Order(3)
    void shardlineCtlNeedsTlsAndAnAdmin() {
        String bind = CLUSTER.api("meta1");
        Map<String, String> trust = Map.of("SSL_CERT_FILE", ca.toString());
        Run ok = exec(ctl("-bind", bind, "-bind-tls", "-auth-type", "basic", "-user", "admin", "-pwd", admin, "show"), trust);
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("Data Nodes").contains(CLUSTER.api("data1"));
        Run insecure = exec(ctl("-bind", bind, "-bind-tls", "-k", "-auth-type", "basic", "-user", "admin", "-pwd", admin,
                "show"), Map.of());
        assertThat(insecure.exit()).as(insecure.out()).isZero();
        Run plain = exec(ctl("-bind", bind, "-timeout", "3s", "-auth-type", "basic", "-user", "admin", "-pwd", admin,
                "show"), Map.of());
        assertThat(plain.exit()).isEqualTo(1);
        Run reader = exec(ctl("-bind", bind, "-bind-tls", "-auth-type", "basic", "-user", "reader", "-pwd", "r3ad", "show"),
                trust);
        assertThat(reader.out()).contains("Error: authorization failed.");
    }

    @Test
    @Order(4)
    void aDataNodeWithAWrongInternalSecretIsRefusedAndSaysSo() throws Exception {
        // add-data gives up on the node at once (it can never register) and leaves it running for the log
        CLUSTER.env("SHARDLINE_META_META_INTERNAL_SHARED_SECRET", "not-the-secret").env("SHARDLINE_HEALTH_TIMEOUT", "3");
        try {
            ClusterScript.Result r = CLUSTER.run("add-data");
            assertThat(r.exitCode()).isNotZero();
            Path log = CLUSTER.dir().resolve("data3/data3.log");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> Files.readString(log)
                    .contains("Meta nodes refused this node's credentials"));
            assertThat(Files.readString(log)).contains("signature is invalid").doesNotContain(secrets.get("INTERNAL_SECRET"));
            assertThat(Files.readString(CLUSTER.dir().resolve("meta1/meta1.log")))
                    .contains("Refused unauthenticated call").contains("signature is invalid")
                    .doesNotContain("not-the-secret");
        } finally {
            CLUSTER.withoutEnv("SHARDLINE_META_META_INTERNAL_SHARED_SECRET").withoutEnv("SHARDLINE_HEALTH_TIMEOUT");
            CLUSTER.run("kill", "data3");
        }
        assertThat(CLUSTER.run("url", "data1").output()).startsWith("https://");
    }

    @Test
    @Order(5)
    void hintedHandoffDrainsAndAntiEntropyRepairsOverTheSecuredLinks() throws Exception {
        CLUSTER.run("kill", "data2").ok();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            lines.append("hh,i=").append(i).append(" v=").append(i).append(' ').append((10 + i) * SECOND).append('\n');
        }
        assertThat(post("data1", "/write?db=sec&consistency=any", lines.toString(), "admin", admin).statusCode())
                .isEqualTo(204);
        assertThat(HINTS_QUEUED.matcher(get("data1", "/debug/vars").body()).find()).isTrue();
        CLUSTER.run("start", "data2").ok();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> !HINTS_QUEUED.matcher(get("data1", "/debug/vars").body()).find());
        long data2 = nodeId("data2");
        assertThat(count("data1", data2, "hh")).isEqualTo(100);

        CLUSTER.run("stop", "data2").ok();
        CLUSTER.run("wipe", "data2").ok();
        CLUSTER.run("start", "data2").ok();
        long rejoined = nodeId("data2");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("data1", rejoined, "hh") == 100 && count("data1", rejoined, "m") == 1);
    }

    private static long nodeId(String node) throws Exception {
        String show = exec(ctl("-bind", CLUSTER.api("meta1"), "-bind-tls", "-k", "-auth-type", "basic", "-user", "admin",
                "-pwd", admin, "show"), Map.of()).out();
        var line = Pattern.compile("(?m)^(\\d+)\\s+" + Pattern.quote(CLUSTER.api(node)) + "\\s").matcher(show);
        assertThat(line.find()).as(show).isTrue();
        return Long.parseLong(line.group(1));
    }

    /** Points of {@code measurement} in sec held by data node {@code ownerId}, asked through {@code node}. */
    private static long count(String node, long ownerId, String measurement) throws Exception {
        String body = post(node, "/query?db=sec&node=" + ownerId + "&q=" + enc("SELECT count(v) FROM " + measurement), "",
                "admin", admin).body();
        var m = Pattern.compile("\\[\"1970-01-01T00:00:00Z\",(\\d+)]").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static int httpPort(String node) {
        String url = CLUSTER.url(node);
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    private static HttpResponse<String> post(String node, String pathAndQuery, String body, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(CLUSTER.url(node) + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return https.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String node, String path) throws IOException, InterruptedException {
        return https.send(HttpRequest.newBuilder(URI.create(CLUSTER.url(node) + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + admin)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> ctl(String... args) {
        List<String> cmd = new ArrayList<>(List.of(CLUSTER.repo().resolve("scripts/shardline-ctl").toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private record Run(int exit, String out) {
    }

    private static Run exec(List<String> cmd, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(cmd + " did not finish in 2 minutes");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            System.out.printf("$ %s%n%s(exit %d)%n", String.join(" ", cmd).replace(admin, "***"), text.replace(admin, "***"),
                    p.exitValue());
            return new Run(p.exitValue(), text);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
