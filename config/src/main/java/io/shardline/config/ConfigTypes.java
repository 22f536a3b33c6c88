package io.shardline.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardline.common.unit.ByteSize;
import io.shardline.common.unit.GoDurations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The value types configuration keys use. All instances are stateless singletons. */
public final class ConfigTypes {

    private ConfigTypes() {
    }

    public static final ConfigType<String> STRING = new ConfigType<>() {
        @Override
        public String fromToml(JsonNode node) {
            if (!node.isTextual()) {
                throw new IllegalArgumentException("expected a string");
            }
            return node.asText();
        }

        @Override
        public String fromText(String text) {
            return text;
        }

        @Override
        public String toToml(String value) {
            return tomlString(value);
        }

        @Override
        public String expected() {
            return "a string";
        }
    };

    public static final ConfigType<Boolean> BOOLEAN = new ConfigType<>() {
        @Override
        public Boolean fromToml(JsonNode node) {
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isTextual()) {
                return fromText(node.asText());
            }
            throw new IllegalArgumentException("expected true or false");
        }

        @Override
        public Boolean fromText(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "t" -> true;
                case "false", "0", "f" -> false;
                default -> throw new IllegalArgumentException("expected true or false");
            };
        }

        @Override
        public String toToml(Boolean value) {
            return value.toString();
        }

        @Override
        public String expected() {
            return "true or false";
        }
    };

    public static final ConfigType<Long> INTEGER = new ConfigType<>() {
        @Override
        public Long fromToml(JsonNode node) {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.longValue();
            }
            if (node.isTextual()) {
                return fromText(node.asText());
            }
            throw new IllegalArgumentException("expected an integer");
        }

        @Override
        public Long fromText(String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected an integer", e);
            }
        }

        @Override
        public String toToml(Long value) {
            return value.toString();
        }

        @Override
        public String expected() {
            return "an integer";
        }
    };

    /** Durations in InfluxDB's notation; printed as Go prints them ({@code "168h0m0s"}). */
    public static final ConfigType<Duration> DURATION = new ConfigType<>() {
        @Override
        public Duration fromToml(JsonNode node) {
            if (node.isTextual()) {
                return fromText(node.asText());
            }
            if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() == 0) {
                return Duration.ZERO;
            }
            throw new IllegalArgumentException("expected a duration string");
        }

        @Override
        public Duration fromText(String text) {
            return GoDurations.parse(text);
        }

        @Override
        public String toToml(Duration value) {
            return "\"" + GoDurations.format(value) + "\"";
        }

        @Override
        public String expected() {
            return "a duration such as \"500ms\", \"10s\", \"5m0s\" or \"168h0m0s\" (units ns, us, ms, s, m, h, d, w)";
        }
    };

    /** Sizes in bytes, as a TOML integer or a string with a k, m or g suffix; printed as bytes. */
    public static final ConfigType<ByteSize> SIZE = new ConfigType<>() {
        @Override
        public ByteSize fromToml(JsonNode node) {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return ByteSize.ofBytes(node.longValue());
            }
            if (node.isTextual()) {
                return fromText(node.asText());
            }
            throw new IllegalArgumentException("expected a size");
        }

        @Override
        public ByteSize fromText(String text) {
            return ByteSize.parse(text);
        }

        @Override
        public String toToml(ByteSize value) {
            return Long.toString(value.bytes());
        }

        @Override
        public String expected() {
            return "a size in bytes, or with a k, m or g suffix such as \"48m\" or \"10g\"";
        }
    };

    /** A list of strings; from the environment as a comma-separated value. */
    public static final ConfigType<List<String>> STRING_LIST = new ConfigType<>() {
        @Override
        public List<String> fromToml(JsonNode node) {
            if (!node.isArray()) {
                throw new IllegalArgumentException("expected an array of strings");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw new IllegalArgumentException("expected an array of strings");
                }
                out.add(item.asText());
            }
            return List.copyOf(out);
        }

        @Override
        public List<String> fromText(String text) {
            List<String> out = new ArrayList<>();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return List.copyOf(out);
        }

        @Override
        public String toToml(List<String> value) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < value.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(tomlString(value.get(i)));
            }
            return b.append(']').toString();
        }

        @Override
        public String expected() {
            return "an array of strings such as [\"a\", \"b\"] (comma-separated in environment variables)";
        }
    };

    /** A TOML basic string literal. */
    static String tomlString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
