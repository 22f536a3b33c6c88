package io.shardline.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One configuration key, declared once: where it lives ({@code section}, empty for top-level
 * keys), its name, type, default, documentation and validator, plus any extra environment
 * variable names it answers to. Immutable.
 *
 * @param shardlineOnly true for keys Shardline adds to InfluxDB Enterprise's set
 * @param secret true for keys whose value is never printed (shared secrets)
 */
public record ConfigKey<T>(String section, String name, ConfigType<T> type, T defaultValue, String doc,
                           Validator<T> validator, List<String> envAliases, boolean shardlineOnly, boolean secret) {

    public ConfigKey {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        envAliases = List.copyOf(envAliases);
        String problem = validator.check(defaultValue);
        if (problem != null) {
            throw new IllegalArgumentException("default of " + name + " is invalid: " + problem);
        }
    }

    /** Starts the declaration of a key. */
    public static <T> Builder<T> of(String section, String name, ConfigType<T> type, T defaultValue) {
        return new Builder<>(section, name, type, defaultValue);
    }

    /** {@code [section] name} or just {@code name} for top-level keys, as operators write it. */
    public String displayName() {
        return section.isEmpty() ? name : "[" + section + "] " + name;
    }

    /** The environment variable suffix: {@code HINTED_HANDOFF_MAX_SIZE} for [hinted-handoff] max-size. */
    public String envSuffix() {
        String s = section.isEmpty() ? name : section + "_" + name;
        return s.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** All environment variables that set this key, strongest first. */
    public List<String> envNames() {
        List<String> names = new java.util.ArrayList<>();
        names.add("SHARDLINE_" + envSuffix());
        names.add("INFLUXDB_" + envSuffix());
        names.addAll(envAliases);
        return names;
    }

    /** Fluent builder; {@link #build()} validates the default. */
    public static final class Builder<T> {
        private final String section;
        private final String name;
        private final ConfigType<T> type;
        private final T defaultValue;
        private String doc = "";
        private Validator<T> validator = Validator.any();
        private List<String> envAliases = List.of();
        private boolean shardlineOnly;
        private boolean secret;

        private Builder(String section, String name, ConfigType<T> type, T defaultValue) {
            this.section = section;
            this.name = name;
            this.type = type;
            this.defaultValue = defaultValue;
        }

        public Builder<T> doc(String text) {
            this.doc = text;
            return this;
        }

        public Builder<T> validator(Validator<T> v) {
            this.validator = v;
            return this;
        }

        public Builder<T> envAliases(String... names) {
            this.envAliases = List.of(names);
            return this;
        }

        /** Marks a key that InfluxDB Enterprise does not have. */
        public Builder<T> shardlineOnly() {
            this.shardlineOnly = true;
            return this;
        }

        /** Marks a key whose value {@code shardline config} and logs never show. */
        public Builder<T> secret() {
            this.secret = true;
            return this;
        }

        public ConfigKey<T> build() {
            return new ConfigKey<>(section, name, type, defaultValue, doc, validator, envAliases, shardlineOnly,
                    secret);
        }
    }
}
