package io.shardline.testkit;

import static org.awaitility.Awaitility.await;

import io.shardline.common.time.Clock;
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

/**
 * A whole Shardline cluster in one JVM for tests: a {@link MetaCluster} plus data nodes on loopback
 * with ephemeral ports and temporary directories, that can be stopped, restarted, added, and cut
 * off from each other ({@link #network()}). Small HTTP helpers send writes and queries to any data
 * node. Confined to the test thread; close it to stop everything and delete the directories.
 */
public final class ShardlineCluster implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final MetaCluster meta;
    private final Map<String, String> dataSettings;
    private final Clock clock;
    private final NetworkCuts network = new NetworkCuts();
    private final List<DataNodeSlot> data = new ArrayList<>();

    private ShardlineCluster(MetaCluster meta, Map<String, String> dataSettings, Clock clock) {
        this.meta = meta;
        this.clock = clock;
        this.dataSettings = Map.copyOf(dataSettings);
    }

    /**
     * Starts {@code metaNodes} meta nodes and {@code dataNodes} data nodes, waiting until every data
     * node registered (ids in start order). {@code dataSettings} go into every data node's
     * configuration: {@code "section.key"} to a TOML literal, e.g.
     * {@code Map.of("hinted-handoff.retry-interval", "\"50ms\"")}.
     */
    public static ShardlineCluster start(int metaNodes, int dataNodes, Map<String, String> dataSettings) {
        return start(metaNodes, Map.of(), dataNodes, dataSettings);
    }

    /** Like {@link #start(int, int, Map)} with extra {@code [meta]} settings for the meta nodes. */
    public static ShardlineCluster start(int metaNodes, Map<String, String> metaSettings, int dataNodes,
                                         Map<String, String> dataSettings) {
        return start(metaNodes, metaSettings, dataNodes, dataSettings, Clock.system());
    }

    /** Like {@link #start(int, Map, int, Map)} with every node on {@code clock} (e.g. a {@link ShiftedClock}). */
    public static ShardlineCluster start(int metaNodes, Map<String, String> metaSettings, int dataNodes,
                                         Map<String, String> dataSettings, Clock clock) {
        ShardlineCluster c = new ShardlineCluster(MetaCluster.start(metaNodes, metaSettings, clock), dataSettings,
                clock);
        try {
            for (int i = 0; i < dataNodes; i++) {
                c.addDataNode();
            }
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    public MetaCluster meta() {
        return meta;
    }

    public NetworkCuts network() {
        return network;
    }

    public List<DataNodeSlot> dataNodes() {
        return List.copyOf(data);
    }

    /** Data node {@code index} (0-based). */
    public DataNodeSlot data(int index) {
        return data.get(index);
    }

    /** Starts one more data node and waits until it registered and sees itself in the cluster view. */
    public DataNodeSlot addDataNode() {
        DataNodeSlot slot = new DataNodeSlot("data" + (data.size() + 1), meta.root(), network);
        slot.configure(meta.apiAddresses(), dataSettings);
        data.add(slot);
        slot.start(clock);
        awaitRegistered(slot);
        return slot;
    }

    /** Restarts a stopped data node with its data and waits until it is registered again. */
    public void restart(DataNodeSlot slot) {
        slot.start(clock);
        awaitRegistered(slot);
    }

    private static void awaitRegistered(DataNodeSlot slot) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> slot.nodeId() > 0
                && slot.node().membership().view().metadata().dataNode(slot.nodeId()).isPresent());
    }

    /** Waits until every running data node's view is at least as new as {@code node}'s. */
    public void awaitViewsConverged() {
        long version = data.stream().filter(DataNodeSlot::running)
                .mapToLong(s -> s.node().membership().view().version()).max().orElse(0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> data.stream()
                .filter(DataNodeSlot::running).allMatch(s -> s.node().membership().view().version() >= version));
    }

    /** An HTTP answer: status and body. */
    public record Response(int status, String body) {
    }

    /** {@code POST /write?db=...&consistency=...} with a line-protocol body to {@code node}. */
    public Response write(DataNodeSlot node, String db, String consistency, String body) {
        return send(HttpRequest.newBuilder(URI.create(node.url() + "/write?db=" + enc(db) + "&consistency=" + consistency))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** {@code POST /query} with {@code q} (and {@code db} when not empty) to {@code node}. */
    public Response query(DataNodeSlot node, String db, String q) {
        String params = "q=" + enc(q) + (db.isEmpty() ? "" : "&db=" + enc(db));
        return send(HttpRequest.newBuilder(URI.create(node.url() + "/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(params)).build());
    }

    /** {@code GET <path>} on {@code node}, e.g. {@code /shard-status}. */
    public Response get(DataNodeSlot node, String path) {
        return send(HttpRequest.newBuilder(URI.create(node.url() + path)).build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        for (DataNodeSlot slot : data) {
            try {
                slot.stop();
            } catch (RuntimeException e) {
                // keep closing the others
            }
        }
        meta.close();
    }
}
