package io.shardline.e2e;

import static io.shardline.e2e.CtlTables.row;
import static io.shardline.e2e.CtlTables.rows;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * Shard movement with the real jar through {@code scripts/cluster.sh} and {@code scripts/shardline-ctl}
 * (3 meta + 2 data, RF 2, base port 32000): a one-million-point shard copied to a data node added with
 * {@code cluster.sh add-data} and removed from its source; a rate-limited copy killed halfway leaving
 * nothing behind; the "replace a permanently offline data node" procedure by hand (kill data2, start a
 * node outside the cluster, update-data, copy its shards back); truncate-shards opening a new
 * shard group; and a wiped data node reporting its shards missing until they are copied back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardMovementE2E {

    private static final int BASE = E2ePorts.base(32000);
    private static final ClusterScript CLUSTER = new ClusterScript("shard-movement", BASE)
            .env("SHARDLINE_ANTI_ENTROPY_ENABLED", "false") // the procedures by hand, no automatic copies
            .env("SHARDLINE_DATA_BLOCK_REWRITE_COLD_DURATION", "10s")
            .env("SHARDLINE_META_ANNOUNCEMENT_EXPIRATION", "5s")
            .env("SHARDLINE_GOSSIP_FREQUENCY", "1s");
    /** The same cluster, for starting a data node outside it ({@code [meta] meta-servers} empty). */
    private static final ClusterScript UNJOINED = new ClusterScript("shard-movement", BASE)
            .env("SHARDLINE_ANTI_ENTROPY_ENABLED", "false")
            .env("SHARDLINE_GOSSIP_FREQUENCY", "1s")
            .env("SHARDLINE_META_META_SERVERS", "");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long SECOND = 1_000_000_000L;
    /** Monday 2020-01-06 00:00 UTC: a seven-day shard group long past (cold). */
    private static final long COLD = 1_578_268_800L * SECOND;
    private static final int MILLION = 1_000_000;
    private static final Pattern SHARD = Pattern.compile(
            "\\{\"id\":(\\d+),\"size\":(\\d+),\"is_hot\":(true|false),\"state\":\"healthy\",\"points\":(\\d+)}");
    private static final Pattern COUNT = Pattern.compile("\\[\\[-?\\d+,(\\d+)\\]\\]");

    private static String bind;
    private static long bigShard;

    @BeforeAll
    static void up() throws Exception {
        CLUSTER.upFresh();
        bind = CLUSTER.api("meta1");
        HttpResponse<String> created = post(CLUSTER.url("data1") + "/query?q="
                + URLEncoder.encode("CREATE DATABASE db WITH REPLICATION 2", StandardCharsets.UTF_8), "");
        assertThat(created.body()).isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
    }

    @AfterAll
    static void down() {
        CLUSTER.close();
    }

    /** (a) A cold one-million-point shard moves to a new data node; the source's replica goes. */
    @Test
    @Order(1)
    void aMillionPointShardMovesToANewDataNode() throws Exception {
        for (int batch = 0; batch < 100; batch++) {
            HttpResponse<String> r = write(batch % 2 == 0 ? "data1" : "data2", COLD, batch * 10_000, 10_000);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(shards("data1")).hasSize(1).containsValue((long) MILLION);
            assertThat(shards("data2")).hasSize(1).containsValue((long) MILLION);
        });
        bigShard = shards("data1").keySet().iterator().next();
        String data1 = CLUSTER.api("data1");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(verboseOwners(bigShard)).contains("{4 " + data1 + " cold "));

        CLUSTER.run("add-data").ok();
        String data3 = CLUSTER.api("data3");
        long started = System.nanoTime();
        assertThat(ctl("copy-shard", data1, data3, id(bigShard)).ok().out())
                .isEqualTo("Copied shard " + bigShard + " from " + data1 + " to " + data3 + "\n");
        System.out.printf("copy-shard of %d points took %d ms%n", MILLION, (System.nanoTime() - started) / 1_000_000);
        assertThat(shards("data3")).containsEntry(bigShard, (long) MILLION);
        assertThat(owners(bigShard)).containsExactlyInAnyOrder("{4 " + data1 + "}", "{5 " + CLUSTER.api("data2") + "}",
                "{6 " + data3 + "}").endsWith("{6 " + data3 + "}");

        assertThat(ctl("remove-shard", data1, id(bigShard)).ok().out())
                .isEqualTo("Removed shard " + bigShard + " from " + data1 + "\n");
        assertThat(shards("data1")).doesNotContainKey(bigShard);
        assertThat(owners(bigShard)).containsExactlyInAnyOrder("{5 " + CLUSTER.api("data2") + "}", "{6 " + data3 + "}");

        assertThat(write("data1", COLD, MILLION, 1_000).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(shards("data2")).containsEntry(bigShard, MILLION + 1_000L);
            assertThat(shards("data3")).containsEntry(bigShard, MILLION + 1_000L);
        });
        assertThat(count("data1", "SELECT count(usage) FROM cpu WHERE time >= " + COLD + " AND time < "
                + (COLD + 7 * 86_400 * SECOND))).isEqualTo(MILLION + 1_000L);
    }

    /** (b) A rate-limited copy killed halfway: no files, no owner entry, nothing in copy-shard-status. */
    @Test
    @Order(2)
    void aKilledCopyLeavesNothingBehind() throws Exception {
        String data1 = CLUSTER.api("data1");
        String data2 = CLUSTER.api("data2");
        CompletableFuture<ClusterScript.CtlResult> copy = CompletableFuture.supplyAsync(() ->
                ctl("copy-shard", "-rate-limit", "1m", data2, data1, id(bigShard)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<Map<String, String>> rows = copyStatus();
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r).containsEntry("Source", data2).containsEntry("Dest", data1)
                        .containsEntry("Database", "db").containsEntry("Policy", "autogen")
                        .containsEntry("ShardID", id(bigShard));
                assertThat(Long.parseLong(r.get("CurrentSize"))).isPositive()
                        .isLessThan(Long.parseLong(r.get("TotalSize")));
            });
        });
        assertThat(ctl("kill-copy-shard", data2, data1, id(bigShard)).ok().out())
                .isEqualTo("Killed shard copy " + bigShard + " from " + data2 + " to " + data1 + "\n");
        ClusterScript.CtlResult killed = copy.get(60, TimeUnit.SECONDS);
        assertThat(killed.exitCode()).isEqualTo(1);
        assertThat(killed.err()).isEqualTo("Error: copy of shard " + bigShard + " from " + data2 + " to " + data1
                + " was killed\n");

        assertThat(shards("data1")).doesNotContainKey(bigShard);
        try (Stream<Path> files = Files.walk(CLUSTER.dir().resolve("data1/data"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(".") || n.equals(Long.toString(bigShard)));
        }
        assertThat(owners(bigShard)).doesNotContain("{4 " + data1 + "}").hasSize(2);
        assertThat(copyStatus()).isEmpty();
    }

    /**
     * (c) Replace a permanently offline data node: kill data2, start data4 outside the cluster,
     * update-data data2 data4, copy data2's shards back onto data4; every owner ends with equal counts.
     */
    @Test
    @Order(3)
    void replaceAPermanentlyOfflineDataNode() throws Exception {
        assertThat(write("data1", COLD + 7 * 86_400 * SECOND, 0, 5_000).statusCode()).isEqualTo(204);
        String data2 = CLUSTER.api("data2");
        CLUSTER.run("kill", "data2").ok();
        assertThat(UNJOINED.run("add-data").ok().output()).contains("data4 is running in no cluster");
        String data4 = CLUSTER.api("data4");

        assertThat(ctl("update-data", data2, data4).ok().out()).isEqualTo("updated data node 5 to " + data4 + "\n");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, String> row = row(table(ctl("show").ok().out(), "Data Nodes"), "ID", "5");
            assertThat(row).containsEntry("TCP Address", data4)
                    .containsEntry("HTTP Address", CLUSTER.url("data4").substring("http://".length()));
            assertThat(row.get("Version")).isNotEmpty();
        });
        List<Long> owned = new ArrayList<>();
        for (Map<String, String> shard : table(ctl("show-shards", "-v").ok().out(), "Shards")) {
            if (shard.get("Owners").contains("{5 " + data4 + " ")) {
                long id = Long.parseLong(shard.get("ID"));
                owned.add(id);
                assertThat(shard.get("Owners")).contains("{5 " + data4 + " missing 0001-01-01 00:00:00 +0000 UTC 0 shard "
                        + id + " not found on data node " + data4 + "}");
            }
        }
        assertThat(owned).contains(bigShard);

        for (long shard : owned) {
            String source = otherOwner(shard, "{5 ");
            assertThat(ctl("copy-shard", source, data4, id(shard)).ok().out())
                    .isEqualTo("Copied shard " + shard + " from " + source + " to " + data4 + "\n");
        }
        assertThat(ctl("show-shards", "-v").ok().out()).doesNotContain("missing");
        for (long shard : owned) {
            long expected = shards(nodeOf(otherOwner(shard, "{5 "))).get(shard);
            assertThat(shards("data4")).containsEntry(shard, expected);
        }
        assertThat(shards("data4")).containsEntry(bigShard, MILLION + 1_000L);
    }

    /** (e) truncate-shards ends the hot group; the next write opens a new one. */
    @Test
    @Order(4)
    void truncateShardsMakesTheNextWriteOpenANewShardGroup() throws Exception {
        long now = System.currentTimeMillis() * 1_000_000L;
        assertThat(write("data1", now, 0, 1).statusCode()).isEqualTo(204);
        Map<String, String> hot = groupContaining(now);
        assertThat(hot.get("End")).doesNotEndWith("*");

        assertThat(ctl("truncate-shards", "-delay", "2s").ok().out()).isEqualTo("Truncated shards.\n");
        Map<String, String> truncated = row(table(ctl("show-shards").ok().out(), "Shards"), "ID", hot.get("ID"));
        assertThat(truncated.get("End")).endsWith("*");
        String truncatedAt = truncated.get("End").substring(0, truncated.get("End").length() - 1);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                System.currentTimeMillis() * 1_000_000L > java.time.Instant.parse(truncatedAt).toEpochMilli() * 1_000_000L
                        + SECOND);
        long later = System.currentTimeMillis() * 1_000_000L;
        assertThat(write("data1", later, 0, 1).statusCode()).isEqualTo(204);
        Map<String, String> next = groupContaining(later);
        assertThat(next.get("Shard Group")).isNotEqualTo(hot.get("Shard Group"));
        assertThat(next.get("Start")).isEqualTo(truncatedAt);
        assertThat(next.get("End")).doesNotEndWith("*");
    }

    /**
     * A data node whose directories were wiped (failed disk) comes back at the same address with its
     * id; with anti-entropy off, {@code show-shards -v} reports its shards missing until they are
     * copied back from the other owners.
     */
    @Test
    @Order(5)
    void aWipedNodeReportsItsShardsMissingUntilCopiedBack() throws Exception {
        long shard = groupShard(COLD + 7 * 86_400 * SECOND);
        String address = owners(shard).stream().map(o -> o.substring(1, o.length() - 1).split(" ")[1])
                .filter(a -> !a.equals(CLUSTER.api("data4"))).findFirst().orElseThrow(); // data4 has no meta servers
        String node = nodeOf(address);
        String id = row(table(ctl("show").ok().out(), "Data Nodes"), "TCP Address", address).get("ID");
        CLUSTER.run("kill", node).ok();
        CLUSTER.run("wipe", node).ok();
        CLUSTER.run("start", node).ok();

        List<Long> lost = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            lost.clear();
            for (Map<String, String> r : table(ctl("show-shards", "-v").ok().out(), "Shards")) {
                if (r.get("Owners").contains("{" + id + " " + address + " ")) {
                    assertThat(r.get("Owners")).contains("{" + id + " " + address + " missing 0001-01-01 00:00:00 +0000 UTC 0 "
                            + "shard " + r.get("ID") + " not found on data node " + address + "}");
                    lost.add(Long.parseLong(r.get("ID")));
                }
            }
            assertThat(lost).contains(shard);
        });
        assertThat(row(table(ctl("show").ok().out(), "Data Nodes"), "ID", id)).containsEntry("TCP Address", address);
        assertThat(shards(node)).isEmpty();

        for (long s : lost) {
            String source = otherOwner(s, "{" + id + " ");
            assertThat(ctl("copy-shard", source, address, id(s)).ok().out())
                    .isEqualTo("Copied shard " + s + " from " + source + " to " + address + "\n");
            assertThat(shards(node)).containsEntry(s, shards(nodeOf(source)).get(s));
        }
        assertThat(ctl("show-shards", "-v").ok().out()).doesNotContain("missing");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The id of the one shard of the group containing {@code t} (RF 2 on fewer than four nodes). */
    private static long groupShard(long t) {
        return Long.parseLong(groupContaining(t).get("ID"));
    }

    private static ClusterScript.CtlResult ctl(String... args) {
        List<String> all = new ArrayList<>(List.of("-bind", bind));
        all.addAll(List.of(args));
        return CLUSTER.ctl(all.toArray(String[]::new));
    }

    private static String id(long shard) {
        return Long.toString(shard);
    }

    private static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * {@code count} points from index {@code from}: 100 series, one point per series per second from
     * {@code start}, with pseudo-random values (seeded by the index) so the shard does not compress to
     * nothing.
     */
    private static HttpResponse<String> write(String node, long start, int from, int count)
            throws IOException, InterruptedException {
        StringBuilder b = new StringBuilder(count * 56);
        for (int i = from; i < from + count; i++) {
            b.append("cpu,host=server-").append(i % 100).append(" usage=").append(new java.util.SplittableRandom(i)
                    .nextDouble() * 100).append(' ').append(start + (long) (i / 100) * SECOND).append('\n');
        }
        return post(CLUSTER.url(node) + "/write?db=db", b.toString());
    }

    /** Shard id to point count from the node's {@code /shard-status}. */
    private static Map<Long, Long> shards(String node) throws IOException, InterruptedException {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(CLUSTER.url(node) + "/shard-status")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<Long, Long> out = new LinkedHashMap<>();
        for (Matcher m = SHARD.matcher(body); m.find(); ) {
            out.put(Long.parseLong(m.group(1)), Long.parseLong(m.group(4)));
        }
        return out;
    }

    private static long count(String node, String q) throws IOException, InterruptedException {
        String body = post(CLUSTER.url(node) + "/query?db=db&epoch=s&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                "").body();
        assertThat(body).doesNotContain("\"error\"");
        Matcher m = COUNT.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The owners of a shard as {@code {id addr}} items, from show-shards. */
    private static List<String> owners(long shard) {
        String cell = row(table(ctl("show-shards").ok().out(), "Shards"), "ID", id(shard)).get("Owners");
        List<String> out = new ArrayList<>();
        for (Matcher m = Pattern.compile("\\{[^}]*}").matcher(cell); m.find(); ) {
            out.add(m.group());
        }
        return out;
    }

    private static String verboseOwners(long shard) {
        return row(table(ctl("show-shards", "-v").ok().out(), "Shards"), "ID", id(shard)).get("Owners");
    }

    /** The TCP address of an owner of {@code shard} whose item does not start with {@code exceptPrefix}. */
    private static String otherOwner(long shard, String exceptPrefix) {
        return owners(shard).stream().filter(o -> !o.startsWith(exceptPrefix)).findFirst()
                .map(o -> o.substring(1, o.length() - 1).split(" ")[1]).orElseThrow();
    }

    /** The cluster.sh name of the data node at a TCP address. */
    private static String nodeOf(String tcpAddress) {
        for (String n : List.of("data1", "data2", "data3", "data4")) {
            if (CLUSTER.api(n).equals(tcpAddress)) {
                return n;
            }
        }
        throw new AssertionError("no data node at " + tcpAddress);
    }

    private static List<Map<String, String>> copyStatus() {
        String out = ctl("copy-shard-status").ok().out();
        List<String> lines = List.of(out.split("\n"));
        assertThat(lines.get(0)).startsWith("Source").contains("StartedAt");
        return rows(lines.get(0), lines.subList(1, lines.size()));
    }

    private static Map<String, String> groupContaining(long t) {
        for (Map<String, String> r : table(ctl("show-shards").ok().out(), "Shards")) {
            long start = java.time.Instant.parse(r.get("Start")).toEpochMilli() * 1_000_000L;
            String end = r.get("End").replace("*", "");
            long stop = java.time.Instant.parse(end).toEpochMilli() * 1_000_000L;
            if (start <= t && t < stop) {
                return r;
            }
        }
        throw new AssertionError("no shard group contains " + t);
    }
}
