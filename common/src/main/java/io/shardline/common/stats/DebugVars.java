package io.shardline.common.stats;

import io.shardline.common.json.GoJson;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders {@code /debug/vars} byte for byte in InfluxDB 1.x's layout: {@code {\n}, then
 * {@code "system"}, {@code "cmdline"} and {@code "memstats"} (here the JVM's figures), then one
 * {@code "<key>": {"name":...,"tags":...,"values":{...}}} per statistic, separated by
 * {@code ,\n}, and {@code \n}\n}. Keys follow 1.x: the name, then {@code :path[:id]},
 * {@code [:proto]:bind} or {@code :database[:retention_policy[:name][:destination]]}; a
 * statistic with other tags gets their values ({@code hh_node:5}) so no two keys collide. Tagless
 * statistics have {@code "tags":null} as in 1.x. Stateless.
 */
public final class DebugVars {

    private DebugVars() {
    }

    /** The whole document: the process's system, cmdline and memstats, then every statistic. */
    public static String render(StatsRegistry registry, NodeRuntime runtime) {
        return render(registry, List.of("\"system\": " + runtime.systemJson(), "\"cmdline\": " + runtime.cmdlineJson(),
                "\"memstats\": " + runtime.memstatsJson()));
    }

    static String render(StatsRegistry registry, List<String> header) {
        StringBuilder b = new StringBuilder("{\n");
        boolean first = true;
        for (String h : header) {
            b.append(first ? "" : ",\n").append(h);
            first = false;
        }
        Set<String> used = new HashSet<>();
        for (StatSnapshot s : registry.snapshot()) {
            String key = key(s);
            for (int n = 1; !used.add(key); n++) {
                key = key(s) + ":" + n;
            }
            b.append(first ? "" : ",\n");
            GoJson.appendQuoted(b, key);
            b.append(": ");
            appendStatistic(b, s);
            first = false;
        }
        return b.append("\n}\n").toString();
    }

    /** {@code {"name":"write","tags":null,"values":{...}}} as Go's json.Marshal writes a models.Statistic. */
    public static void appendStatistic(StringBuilder b, StatSnapshot s) {
        b.append("{\"name\":");
        GoJson.appendQuoted(b, s.name());
        b.append(",\"tags\":");
        if (s.tags().isEmpty() && !"runtime".equals(s.name())) {
            b.append("null");
        } else {
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, String> t : s.tags().entrySet()) {
                b.append(first ? "" : ",");
                GoJson.appendQuoted(b, t.getKey());
                b.append(':');
                GoJson.appendQuoted(b, t.getValue());
                first = false;
            }
            b.append('}');
        }
        b.append(",\"values\":{");
        boolean first = true;
        for (Map.Entry<String, Object> v : s.values().entrySet()) {
            b.append(first ? "" : ",");
            GoJson.appendQuoted(b, v.getKey());
            b.append(':');
            appendValue(b, v.getValue());
            first = false;
        }
        b.append("}}");
    }

    /** A JSON value as Go writes it: integers plainly, floats shortest, strings quoted. */
    public static void appendValue(StringBuilder b, Object v) {
        if (v instanceof Double d) {
            b.append(goFloat(d));
        } else if (v instanceof String s) {
            GoJson.appendQuoted(b, s);
        } else {
            b.append(v);
        }
    }

    /** Go's {@code encoding/json} float form (plain between 1e-6 and 1e21, else exponent); NaN/Inf as 0. */
    static String goFloat(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e18) {
            return Long.toString((long) d);
        }
        String shortest = Double.toString(d);
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e21) {
            return new java.math.BigDecimal(shortest).stripTrailingZeros().toPlainString();
        }
        int e = shortest.indexOf('E');
        String mantissa = shortest.substring(0, e);
        String exponent = shortest.substring(e + 1);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + (exponent.startsWith("-") ? exponent : "+" + exponent);
    }

    /** The 1.x key of a statistic, before de-duplication. */
    static String key(StatSnapshot s) {
        Map<String, String> t = s.tags();
        StringBuilder b = new StringBuilder(s.name());
        if (t.containsKey("path")) {
            b.append(':').append(t.get("path"));
            if (t.containsKey("id")) {
                b.append(':').append(t.get("id"));
            }
        } else if (t.containsKey("bind")) {
            if (t.containsKey("proto")) {
                b.append(':').append(t.get("proto"));
            }
            b.append(':').append(t.get("bind"));
        } else if (t.containsKey("database")) {
            b.append(':').append(t.get("database"));
            if (t.containsKey("retention_policy")) {
                b.append(':').append(t.get("retention_policy"));
                if (t.containsKey("name")) {
                    b.append(':').append(t.get("name"));
                }
                if (t.containsKey("destination")) {
                    b.append(':').append(t.get("destination"));
                }
            }
        } else {
            t.values().forEach(v -> b.append(':').append(v));
        }
        return b.toString();
    }
}
