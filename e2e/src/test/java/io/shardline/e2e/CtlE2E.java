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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code scripts/shardline-ctl} against a real multi-process cluster (3 meta + 2 data, base port
 * 26000): {@code show} with versions, metadata writes, replacing a follower meta node the way the
 * reference's procedure does it (the cluster takes points needing new shard groups throughout), and
 * a killed data node losing its version once its announcement expires (tuned down to a few seconds
 * here).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CtlE2E {

    private static final int BASE = E2ePorts.base(26000);
    private static final ClusterScript CLUSTER = new ClusterScript("ctl", BASE)
            .env("SHARDLINE_META_ANNOUNCEMENT_EXPIRATION", "5s")
            .env("SHARDLINE_META_GOSSIP_FREQUENCY", "1s")
            .env("SHARDLINE_GOSSIP_FREQUENCY", "1s");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Monday 2021-01-04 00:00 UTC: each write a week later than the last opens a new shard group. */
    private static final long WEEK1 = 1_609_718_400_000_000_000L;
    private static final long WEEK = 7 * 86_400_000_000_000L;

    private static String bind;

    @BeforeAll
    static void up() throws Exception {
        CLUSTER.upFresh();
        bind = CLUSTER.api("meta1");
    }

    @AfterAll
    static void down() {
        CLUSTER.close();
    }

    private static ClusterScript.CtlResult ctl(String... args) {
        List<String> all = new ArrayList<>(List.of("-bind", bind));
        all.addAll(List.of(args));
        return CLUSTER.ctl(all.toArray(String[]::new));
    }

    private static String raft(int meta) {
        return "127.0.0.1:" + (BASE + meta * 10 + 9);
    }

    private static String api(int meta) {
        return "127.0.0.1:" + (BASE + meta * 10 + 1);
    }

    @Test
    @Order(1)
    void showListsThreeMetaAndTwoDataNodesWithVersions() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String out = ctl("show").ok().out();
            List<Map<String, String>> data = table(out, "Data Nodes");
            assertThat(data).extracting(r -> r.get("ID")).containsExactly("4", "5");
            assertThat(data).extracting(r -> r.get("TCP Address"))
                    .containsExactly(CLUSTER.api("data1"), CLUSTER.api("data2"));
            assertThat(data).extracting(r -> r.get("HTTP Address"))
                    .containsExactly(CLUSTER.url("data1").substring(7), CLUSTER.url("data2").substring(7));
            assertThat(data).allSatisfy(r -> assertThat(r.get("Version")).startsWith("1.8.10-c"));
            assertThat(data).allSatisfy(r -> assertThat(r).containsEntry("Labels", "{}").containsEntry("Passive", "false"));
            List<Map<String, String>> meta = table(out, "Meta Nodes");
            // Meta ids follow the order the nodes registered in, not their names.
            assertThat(meta).extracting(r -> r.get("ID")).containsExactly("1", "2", "3");
            assertThat(meta).extracting(r -> r.get("HTTP Address")).containsExactlyInAnyOrder(bind, api(2), api(3));
            for (int k = 1; k <= 3; k++) {
                assertThat(row(meta, "HTTP Address", api(k))).containsEntry("Raft Address", raft(k));
            }
            assertThat(meta).allSatisfy(r -> assertThat(r.get("Version")).startsWith("1.8.10-c"));
            assertThat(leader(out)).isIn(raft(1), raft(2), raft(3));
        });
    }

    @Test
    @Order(2)
    void metadataVerbsAndErrors() {
        assertThat(ctl("show-shards").ok().out()).startsWith("Shards\n==========\n"
                + "ID  Database  Retention Policy  Desired Replicas  Shard Group  Start  End  Expires  Owners\n");
        assertThat(ctl("truncate-shards", "-delay", "30s").ok().out()).isEqualTo("Truncated shards.\n");

        ClusterScript.CtlResult unknown = ctl("remove-data", "127.0.0.1:1");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("Error: node not found: 127.0.0.1:1\n");
        assertThat(unknown.out()).isEmpty();

        ClusterScript.CtlResult unreachable = CLUSTER.ctl("-bind", "127.0.0.1:" + (BASE + 999), "-timeout", "2s", "show");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).startsWith("Error: unable to reach meta node at 127.0.0.1:" + (BASE + 999))
                .endsWith("\n").hasLineCount(1);

        ClusterScript.CtlResult usage = ctl("remove-meta", "-force", api(2));
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).startsWith("Error: -tcpAddr is required with -force").hasLineCount(1);
    }

    /**
     * The reference's procedure for one non-leader: provision a new, un-joined meta node, remove-meta
     * the old one, stop it, add-meta the new one, verify; the cluster takes metadata writes throughout.
     */
    @Test
    @Order(3)
    void replaceAFollowerMetaNode() throws Exception {
        String leader = leader(ctl("show").ok().out());
        int old = leader.equals(raft(2)) ? 3 : 2; // a follower, and never meta1 (the -bind node)
        String oldId = row(table(ctl("show").ok().out(), "Meta Nodes"), "HTTP Address", api(old)).get("ID");
        String started = CLUSTER.run("add-meta").ok().output(); // meta4, in no cluster yet
        assertThat(started).contains("meta4", "add-meta " + api(4));

        assertThat(query("CREATE DATABASE metaswap").body()).isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        assertThat(ctl("remove-meta", "-y", api(old)).ok().out()).isEqualTo("Removed meta node at " + api(old) + "\n");
        CLUSTER.run("stop", "meta" + old).ok();
        assertThat(ctl("truncate-shards").ok().out()).isEqualTo("Truncated shards.\n");
        // Two meta nodes left: points that need a new shard group (a Raft write) are still taken.
        assertThat(write("m v=1 " + WEEK1).statusCode()).isEqualTo(204);

        assertThat(ctl("add-meta", api(4)).ok().out()).isEqualTo("Added meta node 6 at " + api(4) + "\n");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String out = ctl("show").ok().out();
            List<Map<String, String>> meta = table(out, "Meta Nodes");
            assertThat(meta).extracting(r -> r.get("HTTP Address")).containsExactlyInAnyOrder(bind, api(5 - old), api(4));
            assertThat(meta).extracting(r -> r.get("ID")).contains("6").doesNotContain(oldId);
            assertThat(row(meta, "HTTP Address", api(4))).containsEntry("ID", "6").containsEntry("Raft Address", raft(4));
            assertThat(meta).allSatisfy(r -> assertThat(r.get("Version")).startsWith("1.8.10-c"));
            assertThat(out).contains("\"" + raft(4) + "\"").doesNotContain(raft(old));
        });
        assertThat(ctl("truncate-shards").ok().out()).isEqualTo("Truncated shards.\n");
        assertThat(CLUSTER.ctl("-bind", api(4), "truncate-shards").ok().out()).isEqualTo("Truncated shards.\n");
        assertThat(write("m v=2 " + (WEEK1 + WEEK)).statusCode()).isEqualTo(204);
        assertThat(query("SELECT count(v) FROM metaswap.autogen.m").body()).contains("[[\"1970-01-01T00:00:00Z\",2]]");
    }

    private static HttpResponse<String> write(String lines) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(CLUSTER.url("data1") + "/write?db=metaswap"))
                .POST(HttpRequest.BodyPublishers.ofString(lines)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> query(String q) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(CLUSTER.url("data1") + "/query?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(4)
    void aKilledDataNodeShowsNoVersionOnceItsAnnouncementExpires() {
        CLUSTER.run("kill", "data2").ok();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Map<String, String>> data = table(ctl("show").ok().out(), "Data Nodes");
            assertThat(data).filteredOn(r -> r.get("ID").equals("5")).singleElement()
                    .satisfies(r -> assertThat(r.get("Version")).isEmpty());
            assertThat(data).filteredOn(r -> r.get("ID").equals("4")).singleElement()
                    .satisfies(r -> assertThat(r.get("Version")).startsWith("1.8.10-c"));
        });
        ClusterScript.CtlResult refused = ctl("remove-data", CLUSTER.api("data2"));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("is not responding").hasLineCount(1);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static String leader(String showOutput) {
        Matcher m = Pattern.compile("(?m)^Leader  (\\S+)$").matcher(showOutput);
        assertThat(m.find()).as(showOutput).isTrue();
        return m.group(1);
    }
}
