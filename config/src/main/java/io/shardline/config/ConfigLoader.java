package io.shardline.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads a configuration: declared defaults, then a TOML file, then environment variables
 * ({@code SHARDLINE_<SECTION>_<KEY>}, then {@code INFLUXDB_<SECTION>_<KEY>}, then documented
 * aliases), which beat the file. Unknown, ignored and renamed keys produce warnings; a bad value
 * stops loading with a one-line {@link ErrorCode#CONFIG_INVALID} error naming the key, the value
 * and what is allowed. Stateless.
 */
public final class ConfigLoader {

    private static final TomlMapper TOML = new TomlMapper();

    private ConfigLoader() {
    }

    /** Loads {@code file} (null for none) with the given environment. */
    public static LoadedConfig load(ConfigDef def, Path file, Map<String, String> env) {
        if (file == null) {
            return parse(def, "", "defaults", env);
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ShardlineException(ErrorCode.CONFIG_INVALID, "configuration file not found: " + file);
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.CONFIG_INVALID, "cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        return parse(def, text, file.toString(), env);
    }

    /** Loads TOML text; {@code source} names it in messages. */
    public static LoadedConfig parse(ConfigDef def, String toml, String source, Map<String, String> env) {
        Map<ConfigKey<?>, Object> values = new HashMap<>();
        for (ConfigKey<?> k : def.keys()) {
            values.put(k, k.defaultValue());
        }
        List<String> warnings = new ArrayList<>();
        JsonNode root = readToml(toml, source);
        Map<ConfigKey<?>, String> setBy = new HashMap<>();
        applyFile(def, root, source, values, setBy, warnings);
        applyEnv(def, env, values, setBy, warnings);
        Config config = new Config(def, values);
        for (Function<Config, String> check : def.crossChecks()) {
            String problem = check.apply(config);
            if (problem != null) {
                throw new ShardlineException(ErrorCode.CONFIG_INVALID, "invalid configuration: " + problem);
            }
        }
        return new LoadedConfig(config, warnings);
    }

    private static JsonNode readToml(String toml, String source) {
        if (toml.isBlank()) {
            return TOML.createObjectNode();
        }
        try {
            return TOML.readTree(toml);
        } catch (JacksonException e) {
            String msg = e.getOriginalMessage().replace('\n', ' ');
            throw new ShardlineException(ErrorCode.CONFIG_INVALID, "cannot parse " + source + " as TOML: " + msg, e);
        }
    }

    private static void applyFile(ConfigDef def, JsonNode root, String source, Map<ConfigKey<?>, Object> values,
                                  Map<ConfigKey<?>, String> setBy, List<String> warnings) {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode node = e.getValue();
            boolean isTable = node.isObject() || (node.isArray() && node.size() > 0 && node.get(0).isObject());
            if (!isTable) {
                applyKey(def, "", name, node, source, values, setBy, warnings);
            } else if (def.ignoredSection(name).isPresent()) {
                warnings.add("section [" + name + "] in " + source + " is ignored: " + def.ignoredSection(name).get());
            } else if (!node.isObject() || !def.sections().containsKey(name)) {
                warnings.add("unknown section [" + name + "] in " + source + " is ignored");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> keys = node.fields(); keys.hasNext(); ) {
                    Map.Entry<String, JsonNode> k = keys.next();
                    applyKey(def, name, k.getKey(), k.getValue(), source, values, setBy, warnings);
                }
            }
        }
    }

    private static void applyKey(ConfigDef def, String section, String name, JsonNode node, String source,
                                 Map<ConfigKey<?>, Object> values, Map<ConfigKey<?>, String> setBy,
                                 List<String> warnings) {
        var declared = def.key(section, name);
        if (declared.isPresent()) {
            ConfigKey<?> key = declared.get();
            values.put(key, fromToml(key, node, "in " + source));
            setBy.put(key, name);
            return;
        }
        var renamed = def.renamedKey(section, name);
        if (renamed.isPresent()) {
            ConfigKey<?> key = renamed.get().replacement();
            warnings.add(renamed.get().displayName() + " in " + source + " is an old name; use " + key.displayName());
            if (!setBy.containsKey(key)) {
                values.put(key, fromToml(key, node, "(as " + name + ") in " + source));
                setBy.put(key, name);
            }
            return;
        }
        var ignored = def.ignoredKey(section, name);
        if (ignored.isPresent()) {
            ConfigDef.IgnoredKey ik = ignored.get();
            if (ik.refuseWhenTrue() && node.isBoolean() && node.booleanValue()) {
                throw new ShardlineException(ErrorCode.CONFIG_INVALID, "invalid configuration: " + ik.displayName()
                        + " = true in " + source + " is not supported by Shardline (" + ik.reason() + "); set it to false or remove it");
            }
            warnings.add(ik.displayName() + " in " + source + " is ignored: " + ik.reason());
            return;
        }
        String where = section.isEmpty() ? name : "[" + section + "] " + name;
        warnings.add("unknown key " + where + " in " + source + " is ignored");
    }

    private static <T> T fromToml(ConfigKey<T> key, JsonNode node, String where) {
        T value;
        try {
            value = key.type().fromToml(node);
        } catch (IllegalArgumentException e) {
            throw invalid(key, node.toString(), where, key.type().expected());
        }
        return validated(key, value, node.toString(), where);
    }

    private static void applyEnv(ConfigDef def, Map<String, String> env, Map<ConfigKey<?>, Object> values,
                                 Map<ConfigKey<?>, String> setBy, List<String> warnings) {
        for (ConfigKey<?> key : def.keys()) {
            for (String var : envNamesIncludingRenamed(def, key)) {
                String text = env.get(var);
                if (text != null) {
                    values.put(key, fromEnv(key, var, text));
                    setBy.put(key, var);
                    break;
                }
            }
        }
    }

    private static List<String> envNamesIncludingRenamed(ConfigDef def, ConfigKey<?> key) {
        List<String> names = new ArrayList<>(key.envNames());
        for (ConfigDef.RenamedKey r : def.renamedKeys().values()) {
            if (r.replacement() == key) {
                ConfigKey<?> old = ConfigKey.of(r.section(), r.oldName(), ConfigTypes.STRING, "").build();
                names.addAll(old.envNames());
            }
        }
        return names;
    }

    private static <T> T fromEnv(ConfigKey<T> key, String var, String text) {
        String shown = "\"" + text + "\"";
        T value;
        try {
            value = key.type().fromText(text);
        } catch (IllegalArgumentException e) {
            throw invalid(key, shown, "from environment variable " + var, key.type().expected());
        }
        return validated(key, value, shown, "from environment variable " + var);
    }

    private static <T> T validated(ConfigKey<T> key, T value, String shown, String where) {
        String problem = key.validator().check(value);
        if (problem != null) {
            throw invalid(key, shown, where, problem);
        }
        return value;
    }

    private static ShardlineException invalid(ConfigKey<?> key, String shown, String where, String allowed) {
        return new ShardlineException(ErrorCode.CONFIG_INVALID,
                "invalid configuration: " + key.displayName() + " = " + shown + " " + where + ": " + allowed);
    }
}
