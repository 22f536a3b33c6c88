package io.shardline.e2e;

import static io.shardline.e2e.CtlTables.row;
import static io.shardline.e2e.CtlTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Anti-entropy with real processes (1 meta, 3 data, RF 2, base port 24000, checks every 2 s with a
 * 1 s settle window): (a) a wiped owner gets its missing shard back by itself; (b) a cold shard whose
 * replica lost writes (hinted handoff deleted) is listed {@code diff}, repaired with
 * {@code entropy repair}, and every owner then answers the same query alike; (e) the
 * {@code /shard-repair/status} JSON and the {@code entropy show} table have the Enterprise shapes;
 * (d) a DELETE one owner missed never comes back after the repair; (c) with {@code auto-repair-diff}
 * on, steady writes to the hot shard never show as entropy (nor start a repair), and the same loss on
 * the hot shard is found and repaired while writes go on; (e) a repair waiting for a stopped owner is
 * queued (across a crash of its node) until {@code entropy kill-repair}, and a node with the service
 * disabled says so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntropyE2E {

    private static final int BASE = E2ePorts.base(24000);
    /** A hinted-handoff queue with bytes in it, in {@code /debug/vars}. */
    private static final Pattern HINTS_QUEUED = Pattern.compile("\"queueBytes\":[1-9]");
    private static final ClusterScript CLUSTER = new ClusterScript("entropy", BASE)
            .env("SHARDLINE_ANTI_ENTROPY_CHECK_INTERVAL", "2s")
            .env("SHARDLINE_ANTI_ENTROPY_SETTLE_WINDOW", "1s")
            .env("SHARDLINE_ANTI_ENTROPY_AUTO_REPAIR_DIFF", "false")
            .env("SHARDLINE_HINTED_HANDOFF_RETRY_MAX_INTERVAL", "1s")
            .env("SHARDLINE_CLUSTER_DIAL_TIMEOUT", "500ms")
            .env("SHARDLINE_META_ANNOUNCEMENT_EXPIRATION", "5s")
            .env("SHARDLINE_GOSSIP_FREQUENCY", "1s");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> DATA = List.of("data1", "data2", "data3");
    private static final long SECOND = 1_000_000_000L;
    /** Monday 2020-01-06 00:00 UTC: a seven-day shard group long past (cold). */
    private static final long COLD = 1_578_268_800L * SECOND;
    private static final Pattern SHARD = Pattern.compile(
            "\\{\"id\":(\\d+),\"size\":(\\d+),\"is_hot\":(true|false),\"state\":\"healthy\",\"points\":(\\d+)}");
    private static final Pattern OWNER = Pattern.compile("\\{(\\d+) ([^}]+)}");

    private static String bind;
    private static long cold;
    /** Node name to data node id. */
    private static final Map<String, Long> IDS = new LinkedHashMap<>();

    @BeforeAll
    static void up() throws Exception {
        CLUSTER.upFresh("--meta", "1", "--data", "3");
        bind = CLUSTER.api("meta1");
        assertThat(query("data1", "CREATE DATABASE ae WITH REPLICATION 2", 0))
                .isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        for (Map<String, String> row : table(ctl("show").ok().out(), "Data Nodes")) {
            for (String n : DATA) {
                if (row.get("TCP Address").equals(CLUSTER.api(n))) {
                    IDS.put(n, Long.parseLong(row.get("ID")));
                }
            }
        }
        assertThat(IDS).hasSize(3);
        assertThat(write("data1", "all", "cpu", COLD, 0, 20_000).statusCode()).isEqualTo(204);
        cold = shardAt(COLD);
        List<String> owners = owners(cold);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(shards(owners.get(0))).containsEntry(cold, 20_000L);
            assertThat(shards(owners.get(1))).containsEntry(cold, 20_000L);
        });
    }

    @AfterAll
    static void down() {
        CLUSTER.close();
    }

    /** (a) A stopped owner's data directory is wiped; it copies its missing shard back by itself. */
    @Test
    @Order(1)
    void aWipedOwnerGetsItsMissingShardBack() {
        String lost = owners(cold).get(1);
        CLUSTER.run("stop", lost).ok();
        CLUSTER.run("wipe", lost).ok();
        CLUSTER.run("start", lost).ok();
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(shards(lost)).containsEntry(cold, 20_000L));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("missing shard %d (20,000 points) back on %s %d ms after it answered /ping%n", cold, lost, millis);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(debugVars(lost)).contains("\"copies\":1"));
    }

    /** (b), (e) Lost writes on a cold shard: diff, then entropy repair; every owner answers alike. */
    @Test
    @Order(2)
    void aColdShardThatLostWritesIsDiffAndRepairedOnRequest() throws Exception {
        List<String> owners = owners(cold);
        String behind = owners.get(1);
        String coordinator = nonOwner(owners);
        CLUSTER.run("kill", behind).ok();
        assertThat(write(coordinator, "one", "cpu", COLD + 3_600 * SECOND, 0, 2_000).statusCode()).isEqualTo(204);
        dropHandoff(coordinator);
        CLUSTER.run("start", behind).ok();
        String id = Long.toString(cold);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ctl("entropy", "show").ok().out().contains(" diff\n"));

        Map<String, String> row = row(table(ctl("entropy", "show").ok().out(), "Entropy"), "ID", id);
        assertThat(row).containsEntry("Database", "ae").containsEntry("Retention Policy", "autogen")
                .containsEntry("Start", "2020-01-06 00:00:00 +0000 UTC").containsEntry("End", "2020-01-13 00:00:00 +0000 UTC")
                .containsEntry("Expires", "").containsEntry("Status", "diff");
        assertThat(get(coordinator, "/shard-repair/status").body()).isEqualTo("{\"shards\":[{\"id\":\"" + id
                + "\",\"database\":\"ae\",\"retention_policy\":\"autogen\",\"start_time\":\"" + COLD
                + "\",\"end_time\":\"" + (COLD + 7 * 86_400 * SECOND) + "\",\"expires\":\"0\",\"status\":\"diff\"}],"
                + "\"queued_shards\":[],\"processing_shards\":[]}\n");
        assertThat(get(coordinator, "/shard-repair/status?local=true").body())
                .isEqualTo("{\"shards\":[],\"queued_shards\":[],\"processing_shards\":[]}\n");
        List<Map<String, String>> detail = table(ctl("entropy", "show", "-v").ok().out(), "Owners");
        assertThat(detail).extracting(r -> r.get("Points")).containsExactlyInAnyOrder("22000", "20000");
        assertThat(detail).extracting(r -> r.get("TCP Address"))
                .containsExactlyInAnyOrder(CLUSTER.api(owners.get(0)), CLUSTER.api(owners.get(1)));
        assertThat(detail).extracting(r -> r.get("Digest Root")).doesNotHaveDuplicates()
                .allMatch(d -> d.matches("[0-9a-f]{16}"));
        assertThat(detail).extracting(r -> r.get("Last Modified")).allMatch(t -> t.endsWith(" +0000 UTC"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(row(table(ctl("entropy", "show", "-v").ok().out(), "Owners"), "Points", "22000")
                        .get("Repair Bytes")).as("the owner holding the 2,000 extra points estimates a patch")
                        .matches("[1-9][0-9]*"));

        assertThat(ctl("entropy", "repair", id).ok().out()).isEqualTo("Repair Shard " + id + " queued\n");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(shards(owners.get(0))).containsEntry(cold, 22_000L);
            assertThat(shards(owners.get(1))).containsEntry(cold, 22_000L);
        });
        String q = "SELECT mean(usage) FROM cpu WHERE time >= " + COLD + " AND time < " + (COLD + 2 * 3_600 * SECOND)
                + " GROUP BY time(3m)";
        assertThat(query(coordinator, q, IDS.get(owners.get(0)))).isEqualTo(query(coordinator, q, IDS.get(owners.get(1))))
                .contains("\"mean\"");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> !ctl("entropy", "show").ok().out().contains(" diff\n"));
        assertThat(debugVars(owners.get(0))).as("the owner that had the writes pushed them")
                .containsPattern("\"repairs\":[1-9]").containsPattern("\"bytesDiff\":[1-9]");
    }

    /** (d) A DELETE that an owner missed while it was down stays deleted everywhere after the repair. */
    @Test
    @Order(3)
    void aDeleteAnOwnerMissedIsNotUndoneByTheRepair() throws Exception {
        List<String> owners = owners(cold);
        String behind = owners.get(0);
        String coordinator = nonOwner(owners);
        assertThat(write(coordinator, "all", "del", COLD + 7_200 * SECOND, 0, 500).statusCode()).isEqualTo(204);
        CLUSTER.run("kill", behind).ok();
        assertThat(query(coordinator, "DELETE FROM del WHERE time >= " + COLD + " AND time < " + (COLD + 86_400 * SECOND), 0))
                .isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        dropHandoff(coordinator);
        CLUSTER.run("start", behind).ok();
        String count = "SELECT count(usage) FROM del WHERE time >= " + COLD + " AND time < " + (COLD + 86_400 * SECOND);
        assertThat(query(coordinator, count, IDS.get(behind))).as("the replica that missed the delete").contains("500");
        assertThat(ctl("entropy", "repair", Long.toString(cold)).ok().out()).endsWith(" queued\n");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String o : owners) {
                assertThat(query(coordinator, count, IDS.get(o))).as(o).isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
            }
            assertThat(shards(owners.get(0)).get(cold)).isEqualTo(shards(owners.get(1)).get(cold)).isEqualTo(22_000L);
        });
    }

    /** (c) Hot shard with auto-repair-diff: no false diff under steady writes; real loss repaired while writing. */
    @Test
    @Order(4)
    void theHotShardIsComparedAndRepairedWhileWritesGoOn() throws Exception {
        CLUSTER.env("SHARDLINE_ANTI_ENTROPY_AUTO_REPAIR_DIFF", "true");
        for (String n : DATA) {
            CLUSTER.run("restart", n).ok();
        }
        long now = System.currentTimeMillis() * 1_000_000L;
        assertThat(write("data1", "all", "hot", now, 0, 10).statusCode()).isEqualTo(204);
        long hot = shardAt(now);
        List<String> owners = owners(hot);
        String coordinator = nonOwner(owners);
        AtomicLong accepted = new AtomicLong(10);
        AtomicInteger next = new AtomicInteger();
        // a steady writer: one batch of 50 points every 200 ms through a coordinator that owns nothing
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hot-writer"));
        writer.scheduleWithFixedDelay(() -> {
            int i = next.getAndAdd(50);
            try {
                if (write(coordinator, "one", "hot", System.currentTimeMillis() * 1_000_000L, i, 50).statusCode() == 204) {
                    accepted.addAndGet(50);
                }
            } catch (IOException e) {
                // the coordinator is being restarted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 0, 200, TimeUnit.MILLISECONDS);
        try {
            await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(get(coordinator, "/shard-repair/status").body())
                            .as("steady writes are not entropy").doesNotContain("\"diff\""));
            assertThat(debugVars(owners.get(0)) + debugVars(owners.get(1))).containsPattern("\"digests\":[1-9]");
            for (String o : owners) {
                assertThat(debugVars(o)).as("%s: no repair in a run of steady writes without faults", o)
                        .containsPattern("\"repairs\":0[,}]").containsPattern("\"checks\":[1-9]")
                        .containsPattern("\"diffShards\":0[,}]");
            }
            String behind = owners.get(1);
            CLUSTER.run("kill", behind).ok();
            // writes go on; once the coordinator holds hints for the dead owner, they are thrown away
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> HINTS_QUEUED.matcher(get(coordinator, "/debug/vars").body()).find());
            dropHandoff(coordinator);
            CLUSTER.run("start", behind).ok();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> debugVars(owners.get(0)).matches("(?s).*\"repairs\":[1-9].*")
                            || debugVars(behind).matches("(?s).*\"repairs\":[1-9].*"));
        } finally {
            writer.shutdown();
            assertThat(writer.awaitTermination(30, TimeUnit.SECONDS)).as("the writer stops").isTrue();
        }
        // the writer's last batches reach both owners (directly or through the coordinator's hints)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> !HINTS_QUEUED.matcher(get(coordinator, "/debug/vars").body()).find());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(shards(owners.get(0)).get(hot)).isEqualTo(shards(owners.get(1)).get(hot));
        });
        System.out.printf("hot shard %d: %d points accepted, %d on each owner after the repair%n", hot, accepted.get(),
                shards(owners.get(0)).get(hot));
    }

    /**
     * (e) A repair that cannot go on while an owner is stopped is listed in {@code queued_shards} and
     * {@code Queued Shards: [...]}, is still queued after the node holding it crashed and restarted,
     * and {@code entropy kill-repair} removes it; a node with the service disabled answers
     * {@code /shard-repair} with a clear error while the ctl still gets its answer from the others.
     */
    @Test
    @Order(5)
    void aWaitingRepairIsQueuedUntilKilledAndADisabledServiceSaysSo() throws Exception {
        List<String> owners = owners(cold);
        String coordinator = nonOwner(owners);
        String id = Long.toString(cold);
        CLUSTER.run("stop", owners.get(1)).ok();
        assertThat(ctl("entropy", "repair", id).ok().out()).isEqualTo("Repair Shard " + id + " queued\n");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(get(coordinator, "/shard-repair/status").body())
                        .isEqualTo("{\"shards\":[],\"queued_shards\":[\"" + id + "\"],\"processing_shards\":[]}\n"));
        assertThat(ctl("entropy", "show").ok().out()).endsWith("\n\nQueued Shards: [" + id + "]\n");
        CLUSTER.run("kill", owners.get(0)).ok();
        CLUSTER.run("start", owners.get(0)).ok();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(get(coordinator, "/shard-repair/status").body()).as("the queue survives a crash")
                        .isEqualTo("{\"shards\":[],\"queued_shards\":[\"" + id + "\"],\"processing_shards\":[]}\n"));
        assertThat(ctl("entropy", "kill-repair", id).ok().out()).isEqualTo("Shard " + id + " removed from repair queue\n");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(get(coordinator, "/shard-repair/status").body()).as("an attempt running at the cancel is not retried")
                        .isEqualTo("{\"shards\":[],\"queued_shards\":[],\"processing_shards\":[]}\n"));
        assertThat(ctl("entropy", "show").ok().out()).doesNotContain("Queued Shards");
        CLUSTER.run("start", owners.get(1)).ok();

        CLUSTER.env("SHARDLINE_ANTI_ENTROPY_ENABLED", "false");
        CLUSTER.run("restart", coordinator).ok();
        String disabled = "{\"error\":\"anti-entropy service is disabled on this data node ([anti-entropy] enabled = false)\"}";
        HttpResponse<String> status = get(coordinator, "/shard-repair/status");
        assertThat(status.statusCode()).isEqualTo(500);
        assertThat(status.body()).startsWith(disabled);
        HttpResponse<String> repair = HTTP.send(HttpRequest.newBuilder(URI.create(CLUSTER.url(coordinator)
                + "/shard-repair/repair?id=" + id)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(repair.statusCode()).isEqualTo(500);
        assertThat(repair.body()).startsWith(disabled);
        HttpResponse<String> vars = get(coordinator, "/debug/vars");
        assertThat(vars.statusCode()).isEqualTo(200);
        assertThat(vars.body()).as("no ae counters without the service").startsWith("{").doesNotContain("\"ae\": ");
        assertThat(ctl("entropy", "show").ok().out()).as("the enabled nodes answer").startsWith("Entropy\n==========\nID");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static ClusterScript.CtlResult ctl(String... args) {
        List<String> all = new ArrayList<>(List.of("-bind", bind));
        all.addAll(List.of(args));
        return CLUSTER.ctl(all.toArray(String[]::new));
    }

    /** Stops {@code node}, deletes its hinted-handoff queues (as a max-age purge would), starts it. */
    private static void dropHandoff(String node) throws IOException {
        CLUSTER.run("stop", node).ok();
        Path hh = CLUSTER.dir().resolve(node).resolve("hh");
        if (Files.exists(hh)) {
            try (Stream<Path> paths = Files.walk(hh)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        CLUSTER.run("start", node).ok();
    }

    private static HttpResponse<String> write(String node, String consistency, String measurement, long start, int from,
                                              int count) throws IOException, InterruptedException {
        StringBuilder b = new StringBuilder(count * 48);
        for (int i = from; i < from + count; i++) {
            b.append(measurement).append(",host=h").append(i % 20).append(" usage=").append(i % 97).append(' ')
                    .append(start + (long) (i / 20) * 100_000_000L).append('\n');
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create(CLUSTER.url(node) + "/write?db=ae&consistency=" + consistency))
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String query(String node, String q, long onlyNode) throws IOException, InterruptedException {
        String url = CLUSTER.url(node) + "/query?db=ae&epoch=s" + (onlyNode > 0 ? "&node=" + onlyNode : "") + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> get(String node, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(CLUSTER.url(node) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String debugVars(String node) {
        try {
            String vars = get(node, "/debug/vars").body();
            int at = vars.indexOf("\"ae\": {");
            return at < 0 ? "" : vars.substring(at, vars.indexOf("}}", at) + 2);
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    /** Shard id to points, from the node's own {@code /shard-status}. */
    private static Map<Long, Long> shards(String node) throws IOException, InterruptedException {
        Map<Long, Long> out = new LinkedHashMap<>();
        for (Matcher m = SHARD.matcher(get(node, "/shard-status").body()); m.find(); ) {
            out.put(Long.parseLong(m.group(1)), Long.parseLong(m.group(4)));
        }
        return out;
    }

    /** The shard of the group containing {@code t}, from {@code show-shards}. */
    private static long shardAt(long t) {
        for (Map<String, String> row : table(ctl("show-shards").ok().out(), "Shards")) {
            long start = java.time.Instant.parse(row.get("Start")).toEpochMilli() * 1_000_000L;
            long end = java.time.Instant.parse(row.get("End").replace("*", "")).toEpochMilli() * 1_000_000L;
            if (start <= t && t < end) {
                return Long.parseLong(row.get("ID"));
            }
        }
        throw new AssertionError("no shard group contains " + t);
    }

    /** The shard's owners as node names, in the order show-shards lists them. */
    private static List<String> owners(long shard) {
        String cell = row(table(ctl("show-shards").ok().out(), "Shards"), "ID", Long.toString(shard)).get("Owners");
        List<String> out = new ArrayList<>();
        for (Matcher m = OWNER.matcher(cell); m.find(); ) {
            for (String n : DATA) {
                if (CLUSTER.api(n).equals(m.group(2))) {
                    out.add(n);
                }
            }
        }
        assertThat(out).hasSize(2);
        return out;
    }

    private static String nonOwner(List<String> owners) {
        return DATA.stream().filter(n -> !owners.contains(n)).findFirst().orElseThrow();
    }
}
