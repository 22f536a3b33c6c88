package io.shardline.common.stats;

import io.shardline.common.json.GoJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statistics of one node, keyed by measurement name and tags, rendered as InfluxDB's
 * {@code /debug/vars} JSON: {@code {"<key>":{"name":"write","tags":{...},"values":{...}},...}}
 * where the key is the name followed by {@code :k=v,...} tags. Thread-safe.
 */
public final class StatsRegistry {

    private final Map<String, Statistic> stats = new ConcurrentHashMap<>();

    /** The statistic with this name and tags, created on first use. */
    public Statistic statistic(String name, Map<String, String> tags) {
        return stats.computeIfAbsent(key(name, tags), k -> new Statistic(name, tags));
    }

    public Statistic statistic(String name) {
        return statistic(name, Map.of());
    }

    /** Forgets a statistic (a queue that was deleted, a node that was removed). */
    public void remove(String name, Map<String, String> tags) {
        stats.remove(key(name, tags));
    }

    /** Every statistic, ordered by key. */
    public List<Statistic> all() {
        return new ArrayList<>(new TreeMap<>(stats).values());
    }

    /** The {@code /debug/vars} JSON object. */
    public String toDebugVarsJson() {
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Statistic> e : new TreeMap<>(stats).entrySet()) {
            b.append(first ? "" : ",\n").append(GoJson.quote(e.getKey())).append(":{\"name\":")
                    .append(GoJson.quote(e.getValue().name())).append(",\"tags\":{");
            appendMap(b, new TreeMap<>(e.getValue().tags()), true);
            b.append("},\"values\":{");
            appendMap(b, e.getValue().values(), false);
            b.append("}}");
            first = false;
        }
        return b.append("}").toString();
    }

    private static void appendMap(StringBuilder b, Map<String, ?> map, boolean quoteValues) {
        boolean first = true;
        for (Map.Entry<String, ?> e : map.entrySet()) {
            b.append(first ? "" : ",").append(GoJson.quote(e.getKey())).append(':');
            b.append(quoteValues ? GoJson.quote(String.valueOf(e.getValue())) : String.valueOf(e.getValue()));
            first = false;
        }
    }

    private static String key(String name, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return name;
        }
        StringBuilder b = new StringBuilder(name).append(':');
        boolean first = true;
        for (Map.Entry<String, String> t : new TreeMap<>(tags).entrySet()) {
            b.append(first ? "" : ",").append(t.getKey()).append('=').append(t.getValue());
            first = false;
        }
        return b.toString();
    }
}
