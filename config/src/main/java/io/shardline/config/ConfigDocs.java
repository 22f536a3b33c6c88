package io.shardline.config;

import java.util.List;
import java.util.Map;

/**
 * Generates {@code docs/configuration.md} from the key declarations, so the reference can never
 * drift from the code (a test compares the file with this output). Stateless.
 */
public final class ConfigDocs {

    private ConfigDocs() {
    }

    /** The whole configuration reference for the given node kinds. */
    public static String markdown(List<ConfigDef> defs) {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n");
        out.append("<!-- Generated from the key declarations in the config module. Do not edit by hand:\n");
        out.append("     run `mvn -B -pl config -am test -Dshardline.updateDocs=true` to regenerate. -->\n\n");
        out.append("Shardline reads TOML files with InfluxDB Enterprise's section and key names and defaults.\n");
        out.append("Print a complete default file with `scripts/shardline config data` or `scripts/shardline config meta`,\n");
        out.append("and start a node with `-config FILE`.\n\n");
        out.append("- **Environment overrides** beat the file: `SHARDLINE_<SECTION>_<KEY>` (upper case, `-` becomes `_`;\n");
        out.append("  top-level keys have no section part), e.g. `SHARDLINE_HINTED_HANDOFF_MAX_SIZE=1g`.\n");
        out.append("  `INFLUXDB_<SECTION>_<KEY>` is accepted as an alias; `SHARDLINE_` wins when both are set.\n");
        out.append("  Lists are comma-separated in the environment.\n");
        out.append("- **Durations** accept `ns`, `us`/`µs`, `ms`, `s`, `m`, `h`, `d`, `w` and combinations (`1h30m`).\n");
        out.append("- **Sizes** are bytes, or a number with a 1024-based `k`, `m`, `g` suffix (`\"48m\"`, `\"10g\"`).\n");
        out.append("- A bad value stops the node with one line naming the key, the value and what is allowed.\n");
        out.append("- Unknown keys, old key names and Enterprise keys Shardline does not implement are logged as\n");
        out.append("  warnings at start-up and otherwise ignored. Switches Shardline cannot honour (e.g.\n");
        out.append("  `unix-socket-enabled`, `flux-enabled`) refuse to start when set to `true`.\n");
        out.append("- Directory defaults live under `/var/lib/shardline` rather than `/var/lib/influxdb`, so a\n");
        out.append("  Shardline node never touches the files of an InfluxDB installed on the same machine.\n");
        for (ConfigDef def : defs) {
            appendNodeKind(out, def);
        }
        return out.toString();
    }

    private static void appendNodeKind(StringBuilder out, ConfigDef def) {
        out.append("\n## ").append(capitalise(def.nodeKind())).append(" nodes\n");
        for (Map.Entry<String, List<ConfigKey<?>>> section : def.sections().entrySet()) {
            out.append("\n### ").append(section.getKey().isEmpty() ? "Top level" : "`[" + section.getKey() + "]`")
                    .append("\n\n");
            out.append("| key | default | environment | description |\n|---|---|---|---|\n");
            for (ConfigKey<?> key : section.getValue()) {
                out.append("| `").append(key.name()).append("` | `").append(defaultLiteral(key)).append("` | `")
                        .append(key.envNames().get(0)).append("` | ")
                        .append(escape(key.doc()))
                        .append(key.shardlineOnly() ? " *Shardline only.*" : "")
                        .append(" Accepts ").append(escape(key.type().expected())).append('.')
                        .append(" |\n");
            }
        }
        if (!def.renamedKeys().isEmpty()) {
            out.append("\n### Old key names accepted with a warning\n\n");
            for (ConfigDef.RenamedKey r : def.renamedKeys().values()) {
                out.append("- `").append(r.displayName()).append("` → `").append(r.replacement().displayName()).append("`\n");
            }
        }
        out.append("\n### Enterprise settings accepted but ignored\n\n");
        for (Map.Entry<String, String> s : def.ignoredSections().entrySet()) {
            out.append("- section `[").append(s.getKey()).append("]`: ").append(s.getValue()).append('\n');
        }
        for (ConfigDef.IgnoredKey k : def.ignoredKeys().values()) {
            out.append("- `").append(k.displayName()).append("`: ").append(k.reason())
                    .append(k.refuseWhenTrue() ? " (refuses to start when `true`)" : "").append('\n');
        }
    }

    private static <T> String defaultLiteral(ConfigKey<T> key) {
        return key.type().toToml(key.defaultValue());
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
