package io.shardline.testkit.influxql;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.testkit.DataNodeSlot;
import io.shardline.testkit.FreePorts;
import io.shardline.testkit.ShardlineCluster;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The differential suite of issue 16: the same data set ({@link DifferentialDataSet}) is written into a real
 * InfluxDB 1.6.7 ({@code influxd} started here on loopback ports in a temporary directory, stopped by pid),
 * into a one-node Shardline cluster and into a three-node cluster with RF 2 (1-hour shard groups on all
 * three, so the data spans four shard groups), then every statement of
 * {@code src/test/resources/influxql/differential/*.iql} (one statement per line, {@code #} comments, one
 * file per area) must get the same status and byte-identical body from both Shardline clusters as from
 * 1.6.7. Statements listed in the {@code differential-deviations} block of {@code docs/influxql.md} must
 * differ on at least one cluster instead (so the list stays true). All mismatches are reported at once.
 * {@code -Dshardline.differential.files=a.iql,b.iql} runs only those files' statements.
 * Skipped only where {@code influxd} is not installed ({@code .ci/run} installs it).
 */
class InfluxDifferentialTest {

    static final String DB = "diff";
    private static final Path STATEMENTS = Path.of("src", "test", "resources", "influxql", "differential");
    private static final Path DOC = Path.of("..", "docs", "influxql.md");
    private static final String DEVIATIONS_FENCE = "```differential-deviations";
    /** {@code -Dshardline.differential.files=a.iql,b.iql} runs only those files (while working on one area). */
    private static final Set<String> ONLY = Stream.of(System.getProperty("shardline.differential.files", "")
            .split(",")).map(String::strip).filter(f -> !f.isEmpty()).collect(java.util.stream.Collectors.toSet());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path dir;
    private static Process influxd;
    private static String influxUrl;
    private static ShardlineCluster single;
    private static ShardlineCluster cluster;

    /** One statement and where it was read. */
    record Statement(String file, int line, String q) {
        String where() {
            return file + ":" + line;
        }
    }

    /** An HTTP answer. */
    record Answer(int status, String body) {
        @Override
        public String toString() {
            return status + " " + body.stripTrailing();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(onPath("influxd"),
                "influxd (InfluxDB 1.6.7) is not installed (apt-get install influxdb; .ci/run does): skipping");
        dir = Files.createTempDirectory("shardline-differential");
        startInflux();
        String data = DifferentialDataSet.lines();
        Answer created = influx("", "CREATE DATABASE " + DB + " WITH SHARD DURATION 1h");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        Answer w = send(HttpRequest.newBuilder(URI.create(influxUrl + "/write?db=" + DB))
                .POST(HttpRequest.BodyPublishers.ofString(data)).build());
        assertThat(w.status()).as(w.toString()).isEqualTo(204);

        single = ShardlineCluster.start(1, 1, Map.of());
        load(single, 1, data);
        cluster = ShardlineCluster.start(1, 3, Map.of());
        load(cluster, 2, data);
    }

    private static void load(ShardlineCluster c, int replication, String data) {
        ShardlineCluster.Response r = c.query(c.data(0), "", "CREATE DATABASE " + DB + " WITH REPLICATION "
                + replication + " SHARD DURATION 1h");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        c.awaitViewsConverged();
        ShardlineCluster.Response w = c.write(c.data(0), DB, "all", data);
        assertThat(w.status()).as(w.body()).isEqualTo(204);
        c.awaitViewsConverged();
    }

    private static void startInflux() throws IOException, InterruptedException {
        int http = FreePorts.next();
        int rpc = FreePorts.next();
        String d = dir.toString().replace("\\", "/");
        Path conf = dir.resolve("influxdb.conf");
        Files.writeString(conf, """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s/meta"
                [data]
                  dir = "%s/data"
                  wal-dir = "%s/wal"
                  query-log-enabled = false
                [http]
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false
                [monitor]
                  store-enabled = false
                [continuous_queries]
                  enabled = false
                """.formatted(rpc, d, d, d, http));
        influxd = new ProcessBuilder("influxd", "-config", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("influxd.log").toFile()).start();
        influxUrl = "http://127.0.0.1:" + http;
        try {
            Awaitility.await("influxd answers /ping").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (!influxd.isAlive()) {
                            throw new IllegalStateException("influxd exited");
                        }
                        return pingable();
                    });
        } catch (RuntimeException e) {
            throw new AssertionError("influxd did not answer /ping; log:\n"
                    + Files.readString(dir.resolve("influxd.log")), e);
        }
    }

    private static boolean pingable() {
        try {
            return send(HttpRequest.newBuilder(URI.create(influxUrl + "/ping")).build()).status() == 204;
        } catch (UncheckedIOException e) {
            return false; // not listening yet
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (single != null) {
            single.close();
        }
        if (influxd != null) {
            influxd.destroy();
            if (!influxd.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                influxd.destroyForcibly().waitFor();
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void everyStatementAnswersTheSameBytesAsInfluxDb() throws IOException {
        List<Statement> statements = statements();
        Set<String> deviations = deviations();
        Set<String> known = new LinkedHashSet<>();
        statements.forEach(s -> known.add(s.q()));
        List<String> failures = new ArrayList<>();
        for (String d : deviations) {
            if (!known.contains(d) && ONLY.isEmpty()) {
                failures.add("listed deviation is not in any .iql file: " + d);
            }
        }
        Map<String, List<DataNodeSlot>> targets = new LinkedHashMap<>();
        targets.put("1 node", single.dataNodes());
        targets.put("3 nodes RF 2", cluster.dataNodes());
        int identical = 0;
        int i = 0;
        for (Statement s : statements) {
            Answer expected = influx(DB, s.q());
            boolean differs = false;
            StringBuilder report = new StringBuilder();
            for (Map.Entry<String, List<DataNodeSlot>> t : targets.entrySet()) {
                ShardlineCluster c = t.getKey().equals("1 node") ? single : cluster;
                DataNodeSlot node = t.getValue().get(i % t.getValue().size());
                ShardlineCluster.Response r = c.query(node, DB, s.q());
                Answer got = new Answer(r.status(), r.body());
                if (!got.equals(expected)) {
                    differs = true;
                    report.append("\n  ").append(t.getKey()).append(" (").append(node.name()).append("): ").append(got);
                }
            }
            i++;
            boolean listed = deviations.contains(s.q());
            if (differs && !listed) {
                failures.add(s.where() + "  " + s.q() + "\n  influxdb 1.6.7: " + expected + report);
            } else if (!differs && listed) {
                failures.add(s.where() + "  listed as a deviation in docs/influxql.md but identical: " + s.q());
            } else if (!differs) {
                identical++;
            }
        }
        System.out.printf("differential: %d statements, %d identical, %d listed deviations, %d failures%n",
                statements.size(), identical, deviations.size(), failures.size());
        assertThat(failures).as("%d of %d statements", failures.size(), statements.size())
                .withFailMessage(() -> failures.size() + " mismatches of " + statements.size() + " statements:\n"
                        + String.join("\n", failures))
                .isEmpty();
    }

    /** The statements of every {@code .iql} file (or of those {@link #ONLY} names), files in name order. */
    static List<Statement> statements() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(STATEMENTS)) {
            files = s.filter(p -> p.toString().endsWith(".iql"))
                    .filter(p -> ONLY.isEmpty() || ONLY.contains(p.getFileName().toString())).sorted().toList();
        }
        List<Statement> out = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int n = 0; n < lines.size(); n++) {
                String q = lines.get(n).strip();
                if (!q.isEmpty() && !q.startsWith("#")) {
                    out.add(new Statement(f.getFileName().toString(), n + 1, q));
                }
            }
        }
        assertThat(out).as("statements in %s", STATEMENTS.toAbsolutePath()).isNotEmpty();
        return out;
    }

    /** The statements of the {@code differential-deviations} block of docs/influxql.md ({@code #} lines are reasons). */
    static Set<String> deviations() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        boolean inside = false;
        for (String line : Files.readAllLines(DOC)) {
            if (!inside) {
                inside = line.strip().equals(DEVIATIONS_FENCE);
            } else if (line.strip().equals("```")) {
                return out;
            } else if (!line.isBlank() && !line.strip().startsWith("#")) {
                out.add(line.strip());
            }
        }
        throw new AssertionError("no " + DEVIATIONS_FENCE + " block in " + DOC.toAbsolutePath());
    }

    private static Answer influx(String db, String q) {
        String params = "q=" + enc(q) + (db.isEmpty() ? "" : "&db=" + enc(db));
        return send(HttpRequest.newBuilder(URI.create(influxUrl + "/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(params)).build());
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator)).anyMatch(p -> Files.isExecutable(Path.of(p, command)));
    }
}
