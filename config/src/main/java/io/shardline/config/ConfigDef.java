package io.shardline.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The complete set of configuration keys of one node kind ({@code data} or {@code meta}), in the
 * order they are printed, plus the InfluxDB Enterprise keys Shardline accepts but ignores, the
 * renamed legacy keys, and checks across keys. Immutable once built.
 */
public final class ConfigDef {

    /** A key of InfluxDB Enterprise that Shardline does not implement. */
    public record IgnoredKey(String section, String name, String reason, boolean refuseWhenTrue) {
        public String displayName() {
            return section.isEmpty() ? name : "[" + section + "] " + name;
        }
    }

    /** An old spelling of a key, accepted with a warning. */
    public record RenamedKey(String section, String oldName, ConfigKey<?> replacement) {
        public String displayName() {
            return section.isEmpty() ? oldName : "[" + section + "] " + oldName;
        }
    }

    private final String nodeKind;
    private final Map<String, List<ConfigKey<?>>> sections;
    private final Map<String, IgnoredKey> ignoredKeys;
    private final Map<String, String> ignoredSections;
    private final Map<String, RenamedKey> renamedKeys;
    private final List<Function<Config, String>> crossChecks;

    private ConfigDef(Builder b) {
        this.nodeKind = b.nodeKind;
        Map<String, List<ConfigKey<?>>> copy = new LinkedHashMap<>();
        b.sections.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.sections = Collections.unmodifiableMap(copy);
        this.ignoredKeys = Collections.unmodifiableMap(new LinkedHashMap<>(b.ignoredKeys));
        this.ignoredSections = Collections.unmodifiableMap(new LinkedHashMap<>(b.ignoredSections));
        this.renamedKeys = Collections.unmodifiableMap(new LinkedHashMap<>(b.renamedKeys));
        this.crossChecks = List.copyOf(b.crossChecks);
    }

    public static Builder builder(String nodeKind) {
        return new Builder(nodeKind);
    }

    /** {@code data} or {@code meta}. */
    public String nodeKind() {
        return nodeKind;
    }

    /** Section name ("" for top level) to its keys, in declaration order. */
    public Map<String, List<ConfigKey<?>>> sections() {
        return sections;
    }

    /** Every declared key in print order. */
    public List<ConfigKey<?>> keys() {
        List<ConfigKey<?>> all = new ArrayList<>();
        sections.values().forEach(all::addAll);
        return all;
    }

    public Optional<ConfigKey<?>> key(String section, String name) {
        return sections.getOrDefault(section, List.of()).stream().filter(k -> k.name().equals(name)).findFirst();
    }

    public Optional<IgnoredKey> ignoredKey(String section, String name) {
        return Optional.ofNullable(ignoredKeys.get(id(section, name)));
    }

    public Optional<String> ignoredSection(String section) {
        return Optional.ofNullable(ignoredSections.get(section));
    }

    public Optional<RenamedKey> renamedKey(String section, String name) {
        return Optional.ofNullable(renamedKeys.get(id(section, name)));
    }

    public Map<String, IgnoredKey> ignoredKeys() {
        return ignoredKeys;
    }

    public Map<String, String> ignoredSections() {
        return ignoredSections;
    }

    public Map<String, RenamedKey> renamedKeys() {
        return renamedKeys;
    }

    List<Function<Config, String>> crossChecks() {
        return crossChecks;
    }

    private static String id(String section, String name) {
        return section + "\u0000" + name;
    }

    /** Collects declarations; sections keep the order in which they are first mentioned. */
    public static final class Builder {
        private final String nodeKind;
        private final Map<String, List<ConfigKey<?>>> sections = new LinkedHashMap<>();
        private final Map<String, IgnoredKey> ignoredKeys = new LinkedHashMap<>();
        private final Map<String, String> ignoredSections = new LinkedHashMap<>();
        private final Map<String, RenamedKey> renamedKeys = new LinkedHashMap<>();
        private final List<Function<Config, String>> crossChecks = new ArrayList<>();

        private Builder(String nodeKind) {
            this.nodeKind = nodeKind;
        }

        /** Declares keys; each key's own section decides where it goes. */
        public Builder keys(ConfigKey<?>... keys) {
            for (ConfigKey<?> k : keys) {
                List<ConfigKey<?>> list = sections.computeIfAbsent(k.section(), s -> new ArrayList<>());
                if (list.stream().anyMatch(existing -> existing.name().equals(k.name()))) {
                    throw new IllegalArgumentException("key declared twice: " + k.displayName());
                }
                list.add(k);
            }
            return this;
        }

        /** An Enterprise key Shardline accepts and ignores; {@code refuseWhenTrue} for security switches. */
        public Builder ignore(String section, String name, String reason, boolean refuseWhenTrue) {
            ignoredKeys.put(id(section, name), new IgnoredKey(section, name, reason, refuseWhenTrue));
            return this;
        }

        /** Several ignored keys sharing one reason. */
        public Builder ignoreAll(String section, String reason, String... names) {
            for (String n : names) {
                ignore(section, n, reason, false);
            }
            return this;
        }

        public Builder ignoreSection(String section, String reason) {
            ignoredSections.put(section, reason);
            return this;
        }

        public Builder rename(String section, String oldName, ConfigKey<?> replacement) {
            renamedKeys.put(id(section, oldName), new RenamedKey(section, oldName, replacement));
            return this;
        }

        /** A check across keys: returns null when fine, else the whole error message. */
        public Builder crossCheck(Function<Config, String> check) {
            crossChecks.add(check);
            return this;
        }

        public ConfigDef build() {
            return new ConfigDef(this);
        }
    }
}
