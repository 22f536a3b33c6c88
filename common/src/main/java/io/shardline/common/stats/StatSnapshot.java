package io.shardline.common.stats;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The values of one statistic at one moment, as every view reads them: name, tags, values sorted by
 * name ({@code Long}, {@code Double} or {@code String}), and which of them are counters (the rest
 * are gauges). Immutable.
 *
 * @param order where the statistic's module comes in listings (registration order)
 */
public record StatSnapshot(String name, Map<String, String> tags, Map<String, Object> values, Set<String> counters,
                           long order) {

    public StatSnapshot {
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        counters = Collections.unmodifiableSet(new TreeSet<>(counters));
    }

    /** A snapshot listed in registration order {@code 0}. */
    public StatSnapshot(String name, Map<String, String> tags, Map<String, Object> values, Set<String> counters) {
        this(name, tags, values, counters, 0);
    }

    /** The same snapshot with another listing order. */
    StatSnapshot ordered(long newOrder) {
        return new StatSnapshot(name, tags, values, counters, newOrder);
    }

    /** The integer value {@code field}, or 0 when absent or not an integer. */
    public long longValue(String field) {
        return values.get(field) instanceof Long l ? l : 0;
    }
}
