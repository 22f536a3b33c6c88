package io.shardline.config;

import java.util.List;
import java.util.Map;

/**
 * Prints a configuration as TOML with each key's documentation as a comment, like
 * {@code influxd config}. The output loads back to an equal {@link Config}, except that a secret
 * key's value is never printed: a secret that is set shows as {@code ""} with a comment saying so.
 * Stateless.
 */
public final class TomlPrinter {

    private static final int WRAP = 96;

    private TomlPrinter() {
    }

    public static String print(Config config) {
        ConfigDef def = config.definition();
        StringBuilder out = new StringBuilder();
        out.append("# Shardline ").append(def.nodeKind()).append(" node configuration.\n");
        out.append("# Printed by `shardline config ").append(def.nodeKind())
                .append("`; every key shows its current value and what it does.\n");
        for (Map.Entry<String, List<ConfigKey<?>>> section : def.sections().entrySet()) {
            String indent = section.getKey().isEmpty() ? "" : "  ";
            out.append('\n');
            if (!section.getKey().isEmpty()) {
                out.append('[').append(section.getKey()).append("]\n");
            }
            boolean first = true;
            for (ConfigKey<?> key : section.getValue()) {
                if (!first) {
                    out.append('\n');
                }
                first = false;
                appendComment(out, indent, key);
                out.append(indent).append(key.name()).append(" = ").append(literal(config, key)).append('\n');
            }
        }
        return out.toString();
    }

    private static <T> String literal(Config config, ConfigKey<T> key) {
        T value = config.get(key);
        if (key.secret() && !value.equals(key.defaultValue())) {
            return key.type().toToml(key.defaultValue()) + " # set; the value is not shown";
        }
        return key.type().toToml(value);
    }

    private static void appendComment(StringBuilder out, String indent, ConfigKey<?> key) {
        String doc = key.doc() + (key.shardlineOnly() ? " (Shardline only.)" : "");
        StringBuilder line = new StringBuilder();
        for (String word : doc.split(" ")) {
            if (line.length() > 0 && line.length() + word.length() + 1 > WRAP) {
                out.append(indent).append("# ").append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            out.append(indent).append("# ").append(line).append('\n');
        }
    }
}
