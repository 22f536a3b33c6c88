package io.shardline.config;

import io.shardline.common.net.HostPort;
import io.shardline.common.unit.ByteSize;
import java.time.Duration;
import java.util.List;

/** Validators shared by the key declarations. */
public final class Validators {

    private Validators() {
    }

    public static Validator<Long> atLeast(long min) {
        return v -> v >= min ? null : "must be at least " + min;
    }

    public static Validator<Long> between(long min, long max) {
        return v -> v >= min && v <= max ? null : "must be between " + min + " and " + max;
    }

    public static Validator<Duration> notNegative() {
        return v -> v.isNegative() ? "must not be negative" : null;
    }

    public static Validator<Duration> atLeast(Duration min, String minText) {
        return v -> v.compareTo(min) >= 0 ? null : "must be at least " + minText;
    }

    public static Validator<ByteSize> sizeAtLeast(long min) {
        return v -> v.bytes() >= min ? null : "must be at least " + min + " bytes";
    }

    public static Validator<String> oneOf(String... allowed) {
        List<String> list = List.of(allowed);
        return v -> list.contains(v) ? null : "must be one of " + String.join(", ", list);
    }

    public static Validator<String> notBlank() {
        return v -> v.isBlank() ? "must not be empty" : null;
    }

    /** A listening address: {@code host:port} or {@code :port}. */
    public static Validator<String> address() {
        return v -> {
            try {
                HostPort.parse(v);
                return null;
            } catch (IllegalArgumentException e) {
                return "must be an address such as \":8086\" or \"127.0.0.1:8086\" (" + e.getMessage() + ")";
            }
        };
    }

    /** Every entry is a {@code host:port} address with a host. */
    public static Validator<List<String>> addressList() {
        return list -> {
            for (String v : list) {
                try {
                    if (HostPort.parse(v).isWildcard()) {
                        return "must list addresses with a host, such as \"meta1:8091\" (got \"" + v + "\")";
                    }
                } catch (IllegalArgumentException e) {
                    return "must list addresses such as \"meta1:8091\" (" + e.getMessage() + ")";
                }
            }
            return null;
        };
    }
}
