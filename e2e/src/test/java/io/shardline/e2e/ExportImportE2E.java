package io.shardline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code shardline inspect export} and {@code shardline import} with real processes (1 meta, 2 data,
 * RF 2, anti-entropy off, base port 28000) and, where Debian's {@code influxdb} and
 * {@code influxdb-client} are installed (.ci/run installs them), a real InfluxDB 1.6.7 on port 28886:
 * a varied data set exported from a running node round-trips through import into emptied databases
 * with identical query results and a byte-identical export; a Shardline export imports with the real
 * {@code influx -import} and a file in {@code influx_inspect export} form imports into both systems,
 * with identical answers; and the seed's manual shard repair (an owner misses writes whose hinted
 * handoff is lost, the good replica is exported while stopped and replayed) leaves both owners with
 * the same count and mean.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportImportE2E {

    private static final int BASE = E2ePorts.base(28000);
    private static final int INFLUX_PORT = E2ePorts.base(28886);
    private static final ClusterScript CLUSTER = new ClusterScript("export-import", BASE)
            .env("SHARDLINE_ANTI_ENTROPY_ENABLED", "false")
            .env("SHARDLINE_HINTED_HANDOFF_RETRY_MAX_INTERVAL", "1s");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern POINTS = Pattern.compile("\"points\":(\\d+)");
    private static final long T0 = 1_600_000_000_000_000_000L;
    private static final long HOUR = 3_600_000_000_000L;
    /** Databases, their retention policies and the DDL that makes them, on Shardline. */
    private static final Map<String, List<String>> POLICIES = Map.of("telegraf", List.of("autogen", "one hour"),
            "my-db", List.of("rp.1"), "uns", List.of("autogen"));
    private static final List<String> DDL = List.of("CREATE DATABASE telegraf WITH REPLICATION 2",
            "CREATE RETENTION POLICY \"one hour\" ON telegraf DURATION INF REPLICATION 2 SHARD DURATION 1h",
            "CREATE DATABASE \"my-db\" WITH REPLICATION 2 NAME \"rp.1\"", "CREATE DATABASE uns WITH REPLICATION 2");
    private static Path work;
    private static boolean influxStarted;

    /** What a process printed and its exit code. */
    record Run(int exitCode, String out, String err) {
        Run ok() {
            assertThat(exitCode).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isZero();
            return this;
        }
    }

    @BeforeAll
    static void up() throws Exception {
        CLUSTER.upFresh("--meta", "1", "--data", "2");
        work = CLUSTER.repo().resolve("e2e/target/export-import");
        deleteTree(work);
        Files.createDirectories(work);
        createDatabases();
        write("telegraf", "", telegraf());
        write("telegraf", "one hour", oneHour());
        write("my-db", "", "m,t=1 f=1 -1000000000\nm,t=1 f=2 0\nm,t=2 s=\"x\" 5\n");
        write("uns", "", uns());
        awaitEqualPoints();
    }

    @AfterAll
    static void down() {
        CLUSTER.close();
        if (influxStarted) {
            exec(List.of(CLUSTER.repo().resolve("scripts/bench/influxdb.sh").toString(), "stop", "--dir",
                    work.resolve("influxdb").toString()), Map.of());
        }
    }

    private static void createDatabases() throws Exception {
        for (String ddl : DDL) {
            assertThat(query("data1", "", ddl)).isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        }
    }

    /** cpu: 20 series x 500 hours (4 shard groups) with a float, an integer, a boolean and a string, plus escapes. */
    private static String telegraf() {
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < 500; t++) {
            for (int h = 0; h < 20; h++) {
                String usage = switch (t % 100) {
                    case 0 -> "1e21";
                    case 1 -> "1.5e-7";
                    case 2 -> "123456789012";
                    default -> Double.toString((h * 1000 + t) / 7.0);
                };
                b.append("cpu,host=h").append(h).append(",region=r").append(h % 3).append(" usage=").append(usage)
                        .append(",count=").append(t - 250 * h).append("i,ok=").append((t + h) % 2 == 0)
                        .append(",msg=\"m").append(h).append('-').append(t).append(" say \\\"hi\\\" \\\\ ,=\" ")
                        .append(T0 + t * HOUR).append('\n');
            }
        }
        b.append("we\\ ird\\,m,ta\\ g=x\\=y\\,z f\\ \\\"q\\\"\\=\\,=1.5,other=2i ").append(T0).append('\n');
        b.append("température,lieu=Zürich valeur=21.5 ").append(T0).append('\n');
        return b.toString();
    }

    private static String oneHour() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            // The tag and field keys of the default policy's cpu: 1.6.7's SHOW FIELD KEYS sees that policy only,
            // and its GROUP BY * takes the measurement's tag keys from the whole database.
            b.append("cpu,host=c,region=r9 usage=").append(i).append(".5 ").append(T0 + i * HOUR / 10).append('\n');
        }
        return b.toString();
    }

    /** What only Shardline takes: unsigned integers, and a string over several lines that looks like context. */
    private static String uns() {
        return "u,k=v n=7u,big=18446744073709551615u " + T0 + "\n"
                + "u,k=v s=\"line one\n# CONTEXT-DATABASE:nope\n\nline four\" " + (T0 + 1) + "\n"
                + "u,k=v b=true " + (T0 + 2) + "\n";
    }

    @Test
    @Order(1)
    void anExportOfARunningNodeRoundTripsThroughImport() throws Exception {
        Map<String, String> before = answers("data1");
        assertThat(answers("data2")).isEqualTo(before);
        Path one = work.resolve("running-data1.txt");
        Path two = work.resolve("running-data2.txt");
        Run exported = export("data1", "-out", one.toString()).ok();
        export("data2", "-out", two.toString()).ok();
        assertThat(Files.readAllBytes(one)).isEqualTo(Files.readAllBytes(two));
        long lines = 20 * 500 * 4 + 2 + 1 + 30 + 3 + 2 + 2;
        assertThat(exported.err()).contains("exported " + String.format("%,d", lines) + " points from ");
        String text = Files.readString(one);
        assertThat(text).startsWith("# INFLUXDB EXPORT: 1677-09-21T00:12:43Z - 2262-04-11T23:47:16Z\n# DDL\n"
                + "CREATE DATABASE \"my-db\" WITH NAME \"rp.1\"\nCREATE DATABASE telegraf WITH NAME autogen\n"
                + "CREATE DATABASE telegraf WITH NAME \"one hour\"\nCREATE DATABASE uns WITH NAME autogen\n# DML\n"
                + "# CONTEXT-DATABASE:my-db\n# CONTEXT-RETENTION-POLICY:rp.1\n# writing tsm data\n")
                .contains("cpu,host=h0,region=r0 usage=1e+21 " + T0 + "\n")
                .contains("u,k=v big=18446744073709551615u " + T0 + "\n");

        for (String db : POLICIES.keySet()) {
            query("data1", "", "DROP DATABASE \"" + db + "\"");
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> points("data1") == 0 && points("data2") == 0);
        createDatabases();
        Run imported = shardline(List.of("import", "-path", one.toString(), "-url", CLUSTER.url("data2"))).ok();
        assertThat(imported.out()).contains("Processed 4 commands\nProcessed " + lines + " inserts\nFailed 0 inserts\n");
        awaitEqualPoints();
        assertThat(answers("data1")).isEqualTo(before);
        assertThat(answers("data2")).isEqualTo(before);
        Path again = work.resolve("after-import.txt");
        export("data2", "-out", again.toString()).ok();
        assertThat(Files.readString(again)).isEqualTo(text);
    }

    @Test
    @Order(2)
    void aShardlineExportImportsWithTheRealInfluxImport() throws Exception {
        String influx = startInflux();
        for (String q : List.of("CREATE DATABASE telegraf",
                "CREATE RETENTION POLICY \"one hour\" ON telegraf DURATION INF REPLICATION 1 SHARD DURATION 1h")) {
            assertThat(post(influx + "/query?q=" + enc(q), "").body()).isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        }
        for (String db : List.of("telegraf", "my-db")) {
            Path file = work.resolve("for-influx-" + db + ".txt.gz");
            export("data1", "-database", db, "-compress", "-out", file.toString()).ok();
            Run r = exec(List.of("influx", "-port", Integer.toString(INFLUX_PORT), "-import", "-path", file.toString(),
                    "-compressed", "-precision", "ns"), Map.of());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).as(r.err()).contains("Failed 0 inserts");
            assertThat(answers(influx, db)).isEqualTo(answers(CLUSTER.url("data1"), db));
        }
    }

    @Test
    @Order(3)
    void anInfluxInspectExportImportsIntoShardlineAndInfluxDbAlike() throws Exception {
        String influx = startInflux();
        // Debian's influxdb package has no influx_inspect: the file is written here in its format, with its
        // quirks: the same value in the TSM and the WAL section (the later one wins), 'g' floats, quoted DDL.
        String file = """
                # INFLUXDB EXPORT: 1677-09-21T00:12:43Z - 2262-04-11T23:47:16Z
                # DDL
                CREATE DATABASE inspect WITH NAME autogen
                CREATE DATABASE "inspect-2" WITH NAME "rp one"
                # DML
                # CONTEXT-DATABASE:inspect
                # CONTEXT-RETENTION-POLICY:autogen
                # writing tsm data
                disk,host=a,path=/var free=1.5e+06 1600000000000000000
                disk,host=a,path=/var free=2.5e-05 1600000010000000000
                disk,host=a,path=/var label="root \\"fs\\" \\\\ " 1600000000000000000
                disk,host=a,path=/var ro=false 1600000000000000000
                disk,host=a,path=/var used=12i 1600000000000000000
                disk\\,x,host=b\\ c,k\\=v=1 f\\=x=-1.2345678901234567e+300 1600000000000000000
                # writing wal data
                disk,host=a,path=/var free=3 1600000000000000000
                disk,host=a,path=/var used=13i 1600000020000000000
                # CONTEXT-DATABASE:inspect-2
                # CONTEXT-RETENTION-POLICY:rp one
                # writing tsm data
                m v=1 -5
                """;
        Path path = work.resolve("influx-inspect-format.txt");
        Files.writeString(path, file);
        Run ours = shardline(List.of("import", "-path", path.toString(), "-url", CLUSTER.url("data1"))).ok();
        assertThat(ours.out()).contains("Processed 2 commands\nProcessed 9 inserts\nFailed 0 inserts\n");
        Run theirs = exec(List.of("influx", "-port", Integer.toString(INFLUX_PORT), "-import", "-path", path.toString()),
                Map.of());
        assertThat(theirs.exitCode()).as(theirs.err()).isZero();
        assertThat(theirs.out()).contains("Processed 2 commands").contains("Processed 9 inserts");
        assertThat(answers(CLUSTER.url("data1"), "inspect")).contains("\"free\"").contains("[1600000000000000000,3,\"root");
        assertThat(answers(influx, "inspect")).isEqualTo(answers(CLUSTER.url("data1"), "inspect"));
        assertThat(answers(influx, "inspect-2")).isEqualTo(answers(CLUSTER.url("data2"), "inspect-2"));
    }

    @Test
    @Order(4)
    void theSeedsManualRepairExportsTheGoodReplicaAndReplaysIt() throws Exception {
        query("data1", "", "CREATE DATABASE repair WITH REPLICATION 2");
        long start = Instant.parse("2021-01-04T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        assertThat(writeRepair("all", 0, 10_000, start).statusCode()).isEqualTo(204);
        CLUSTER.run("kill", "data2").ok();
        assertThat(writeRepair("one", 10_000, 5_000, start).statusCode()).isEqualTo(204);
        CLUSTER.run("stop", "data1").ok();
        deleteTree(CLUSTER.dir().resolve("data1/hh"));
        CLUSTER.run("start", "data1").ok();
        CLUSTER.run("start", "data2").ok();

        // 1. Find the shard, its owners and the time range where they differ.
        String shards = CLUSTER.ctl("-bind", "127.0.0.1:" + (BASE + 11), "show-shards").ok().out();
        Matcher row = Pattern.compile("(?m)^(\\d+)\\s+repair\\s+autogen\\s.*$").matcher(shards);
        assertThat(row.find()).as(shards).isTrue();
        String shard = row.group(1);
        Map<String, String> ids = dataNodeIds();
        String range = "FROM m WHERE time >= '2021-01-04T00:00:00Z' AND time < '2021-01-04T05:00:00Z'";
        List<Long> good = counts("data1", "SELECT count(v) " + range + " GROUP BY time(30m)", ids.get("data1"));
        List<Long> bad = counts("data2", "SELECT count(v) " + range + " GROUP BY time(30m)", ids.get("data2"));
        int first = 0;
        while (good.get(first).equals(bad.get(first))) {
            first++;
        }
        int last = good.size() - 1;
        while (good.get(last).equals(bad.get(last))) {
            last--;
        }
        assertThat(first).isEqualTo(5);
        String from = Instant.ofEpochSecond(start / 1_000_000_000L + first * 1800L).toString();
        String to = Instant.ofEpochSecond(start / 1_000_000_000L + (last + 1) * 1800L - 1).toString();

        // 2. Export the range from the good owner's data directory while it is stopped.
        Path file = work.resolve("repair.txt");
        CLUSTER.run("stop", "data1").ok();
        Run exported = shardline(List.of("inspect", "export", "-datadir", CLUSTER.dir().resolve("data1/data").toString(),
                "-database", "repair", "-shard", shard, "-start", from, "-end", to, "-out", file.toString())).ok();
        CLUSTER.run("start", "data1").ok();
        assertThat(exported.err()).contains("exported 6,000 points from 1 shards");

        // 3. Replay it (consistency all: every owner must take it), then 4. compare the owners.
        Run imported = shardline(List.of("import", "-path", file.toString(), "-url", CLUSTER.url("data1"))).ok();
        assertThat(imported.out()).contains("Processed 6000 inserts\nFailed 0 inserts\n");
        for (String node : List.of("data1", "data2")) {
            assertThat(query(node, "repair", "SELECT count(v), mean(v) FROM m", "&node=" + ids.get(node)))
                    .contains("[[\"1970-01-01T00:00:00Z\",15000,7499.5]]");
        }
        awaitEqualPoints();
    }

    private static HttpResponse<String> writeRepair(String consistency, int from, int count, long start)
            throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            b.append("m,host=h").append(i % 10).append(" v=").append(i).append(' ')
                    .append(start + i * 1_000_000_000L).append('\n');
        }
        return post(CLUSTER.url("data1") + "/write?db=repair&consistency=" + consistency, b.toString());
    }

    /** Node name to data node id, from {@code shardline-ctl show}. */
    private static Map<String, String> dataNodeIds() {
        String show = CLUSTER.ctl("-bind", "127.0.0.1:" + (BASE + 11), "show").ok().out();
        Map<String, String> ids = new HashMap<>();
        for (String node : List.of("data1", "data2")) {
            String http = CLUSTER.url(node).replace("http://", "");
            Matcher m = Pattern.compile("(?m)^(\\d+)\\s+\\S+\\s+" + Pattern.quote(http) + "\\s").matcher(show);
            assertThat(m.find()).as(show).isTrue();
            ids.put(node, m.group(1));
        }
        return ids;
    }

    private static List<Long> counts(String node, String q, String id) throws Exception {
        String body = query(node, "repair", q, "&epoch=s&node=" + id);
        List<Long> out = new ArrayList<>();
        for (Matcher m = Pattern.compile("\\[\\d+,(\\d+)\\]").matcher(body); m.find(); ) {
            out.add(Long.parseLong(m.group(1)));
        }
        assertThat(out).as(body).hasSize(10);
        return out;
    }

    /** Every query answer that shows the content of the three databases, by database. */
    private static Map<String, String> answers(String node) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (String db : POLICIES.keySet()) {
            out.put(db, answers(CLUSTER.url(node), db));
        }
        return out;
    }

    /**
     * The schema and every point of {@code db}, per retention policy and measurement (a regex source
     * would bring in 1.6.7's quirk of adding other measurements' tag keys).
     */
    private static String answers(String url, String db) throws Exception {
        StringBuilder b = new StringBuilder();
        List<String> qs = new ArrayList<>(List.of("SHOW MEASUREMENTS", "SHOW SERIES", "SHOW TAG KEYS", "SHOW FIELD KEYS"));
        List<String> measurements = new ArrayList<>();
        JsonNode shown = JSON.readTree(ask(url, db, "SHOW MEASUREMENTS"));
        for (JsonNode row : shown.path("results").path(0).path("series").path(0).path("values")) {
            measurements.add(row.path(0).asText());
        }
        for (String rp : POLICIES.getOrDefault(db, List.of(db.equals("inspect-2") ? "rp one" : "autogen"))) {
            for (String m : measurements) {
                qs.add("SELECT * FROM \"" + rp + "\".\"" + m + "\" GROUP BY *");
            }
        }
        for (String q : qs) {
            b.append(q).append(" -> ").append(ask(url, db, q));
        }
        return b.toString();
    }

    private static String ask(String url, String db, String q) throws Exception {
        return post(url + "/query?epoch=ns&db=" + enc(db) + "&q=" + enc(q), "").body();
    }

    private static Run export(String node, String... args) {
        List<String> cmd = new ArrayList<>(List.of("inspect", "export", "-datadir",
                CLUSTER.dir().resolve(node + "/data").toString()));
        cmd.addAll(List.of(args));
        return shardline(cmd);
    }

    private static Run shardline(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(CLUSTER.repo().resolve("scripts/shardline").toString()));
        cmd.addAll(args);
        return exec(cmd, Map.of());
    }

    /** Starts InfluxDB 1.6.7 once (skipping the test where Debian's packages are missing); returns its URL. */
    private static String startInflux() {
        Assumptions.assumeTrue(onPath("influxd") && onPath("influx"),
                "influxd/influx not installed (apt-get install influxdb influxdb-client; .ci/run does): skipping");
        if (!influxStarted) {
            exec(List.of(CLUSTER.repo().resolve("scripts/bench/influxdb.sh").toString(), "start", "--dir",
                    work.resolve("influxdb").toString()), Map.of("INFLUXDB_PORT", Integer.toString(INFLUX_PORT))).ok();
            influxStarted = true;
        }
        return "http://127.0.0.1:" + INFLUX_PORT;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static Run exec(List<String> cmd, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(CLUSTER.repo().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        try {
            Path out = Files.createTempFile("e2e-run", ".out");
            Path err = Files.createTempFile("e2e-run", ".err");
            try {
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError(cmd + " did not finish in 5 minutes");
                }
                Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
                System.out.printf("$ %s%n%s%s(exit %d)%n", String.join(" ", cmd), tail(r.out()), tail(r.err()),
                        r.exitCode());
                return r;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }

    private static void write(String db, String rp, String body) throws Exception {
        HttpResponse<String> r = post(CLUSTER.url("data1") + "/write?consistency=all&db=" + enc(db) + "&rp=" + enc(rp),
                body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }

    private static long points(String node) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(CLUSTER.url(node) + "/shard-status")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long total = 0;
        for (Matcher m = POINTS.matcher(body); m.find(); ) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    private static void awaitEqualPoints() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> points("data1") == points("data2") && points("data1") > 0);
    }

    private static String query(String node, String db, String q) throws Exception {
        return query(node, db, q, "");
    }

    private static String query(String node, String db, String q, String extra) throws Exception {
        return post(CLUSTER.url(node) + "/query?db=" + enc(db) + "&q=" + enc(q) + extra, "").body();
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
