package io.shardline.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The validated values of every key of one {@link ConfigDef}. Immutable; equal when the same
 * definition holds the same values.
 */
public final class Config {

    private final ConfigDef def;
    private final Map<ConfigKey<?>, Object> values;

    Config(ConfigDef def, Map<ConfigKey<?>, Object> values) {
        this.def = def;
        this.values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    /** All defaults of {@code def}. */
    public static Config defaults(ConfigDef def) {
        Map<ConfigKey<?>, Object> values = new HashMap<>();
        for (ConfigKey<?> k : def.keys()) {
            values.put(k, k.defaultValue());
        }
        return new Config(def, values);
    }

    public ConfigDef definition() {
        return def;
    }

    /** The value of a key of this definition. */
    public <T> T get(ConfigKey<T> key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException(key.displayName() + " is not a key of the " + def.nodeKind() + " configuration");
        }
        @SuppressWarnings("unchecked")
        T typed = (T) v;
        return typed;
    }

    /** A copy with one value replaced (used by tests and by in-JVM clusters). */
    public <T> Config with(ConfigKey<T> key, T value) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException(key.displayName() + " is not a key of the " + def.nodeKind() + " configuration");
        }
        String problem = key.validator().check(value);
        if (problem != null) {
            throw new IllegalArgumentException(key.displayName() + " " + problem);
        }
        Map<ConfigKey<?>, Object> copy = new HashMap<>(values);
        copy.put(key, value);
        return new Config(def, copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config other && other.def == def && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(def.nodeKind(), values);
    }

    @Override
    public String toString() {
        return "Config[" + def.nodeKind() + "]";
    }
}
