package io.shardline.launcher.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.launcher.ApiConnection;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the checker reads from a running cluster over HTTP only: the data nodes (meta status port's
 * {@code /show-cluster}), the shards of the drill database with their owners ({@code SHOW SHARDS}),
 * and the sequence numbers each data node holds locally (the per-node query, {@code node=<id>}).
 */
final class DrillCluster {

    /** One shard: its group's time range and owners. */
    record Shard(long id, long groupId, long start, long end, List<Long> owners) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final ApiConnection connection;
    private final String statusUrl;
    private final String db;
    private final String dataScheme;

    /** {@code dataScheme}: {@code http}, or {@code https} for a secured cluster. */
    DrillCluster(String statusUrl, String db, String dataScheme, ApiConnection connection) {
        this.statusUrl = statusUrl;
        this.db = db;
        this.dataScheme = dataScheme;
        this.connection = connection;
        this.client = connection.client();
    }

    /** Data node id to its HTTP base URL. */
    Map<Long, String> dataNodes() throws IOException, InterruptedException {
        JsonNode cluster = get(URI.create(statusUrl + "/show-cluster"));
        Map<Long, String> nodes = new TreeMap<>();
        for (JsonNode n : cluster.path("data")) {
            nodes.put(n.path("id").asLong(), dataScheme + "://" + n.path("addr").asText());
        }
        return nodes;
    }

    /** The drill database's shards, by shard group, shards of a group ordered by id. */
    Map<Long, List<Shard>> shards(String anyNodeUrl) throws IOException, InterruptedException {
        JsonNode r = query(anyNodeUrl, "SHOW SHARDS", 0);
        Map<Long, List<Shard>> groups = new LinkedHashMap<>();
        for (JsonNode series : r.path("results").path(0).path("series")) {
            if (!series.path("name").asText().equals(db)) {
                continue;
            }
            for (JsonNode v : series.path("values")) {
                List<Long> owners = new ArrayList<>();
                for (String o : v.get(7).asText().split(",")) {
                    if (!o.isBlank()) {
                        owners.add(Long.parseLong(o.trim()));
                    }
                }
                Shard s = new Shard(v.get(0).asLong(), v.get(3).asLong(), nanos(v.get(4)), nanos(v.get(5)), owners);
                groups.computeIfAbsent(s.groupId(), g -> new ArrayList<>()).add(s);
            }
        }
        groups.values().forEach(l -> l.sort(Comparator.comparingLong(Shard::id)));
        return groups;
    }

    /** The sequence numbers of {@code writer} stored on node {@code nodeId} (its local shards only). */
    BitSet localSeqs(String nodeUrl, long nodeId, String writer) throws IOException, InterruptedException {
        JsonNode r = query(nodeUrl, "SELECT seq FROM " + DrillPoints.MEASUREMENT + " WHERE writer='" + writer + "'", nodeId);
        JsonNode result = r.path("results").path(0);
        if (result.has("error")) {
            throw new IOException("node " + nodeId + ": " + result.path("error").asText());
        }
        BitSet seqs = new BitSet();
        for (JsonNode series : result.path("series")) {
            for (JsonNode v : series.path("values")) {
                seqs.set((int) v.get(1).asLong());
            }
        }
        return seqs;
    }

    /** The {@code ov} values of the shared overwrite series {@code tag} stored on node {@code nodeId}, by time. */
    Map<Long, Long> localOverwrites(String nodeUrl, long nodeId, String tag) throws IOException, InterruptedException {
        JsonNode r = query(nodeUrl, "SELECT " + DrillPoints.OVERWRITE_FIELD + " FROM " + DrillPoints.MEASUREMENT
                + " WHERE writer='" + tag + "'", nodeId);
        JsonNode result = r.path("results").path(0);
        if (result.has("error")) {
            throw new IOException("node " + nodeId + ": " + result.path("error").asText());
        }
        Map<Long, Long> values = new java.util.HashMap<>();
        for (JsonNode series : result.path("series")) {
            for (JsonNode v : series.path("values")) {
                if (!v.get(1).isNull()) {
                    values.put(v.get(0).asLong(), v.get(1).asLong());
                }
            }
        }
        return values;
    }

    private JsonNode query(String nodeUrl, String q, long nodeId) throws IOException, InterruptedException {
        String uri = nodeUrl + "/query?db=" + URLEncoder.encode(db, StandardCharsets.UTF_8) + "&epoch=ns&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8) + (nodeId > 0 ? "&node=" + nodeId : "");
        return get(URI.create(uri));
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(connection.authorize(HttpRequest.newBuilder(uri)).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(uri + " answered " + r.statusCode() + ": " + r.body().trim());
        }
        return JSON.readTree(r.body());
    }

    private static long nanos(JsonNode time) {
        if (time.isNumber()) {
            return time.asLong();
        }
        Instant i = Instant.parse(time.asText());
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
