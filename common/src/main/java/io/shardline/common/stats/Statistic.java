package io.shardline.common.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * One measurement of InfluxDB's {@code /debug/vars} / {@code _internal} style: a name (such as
 * {@code write} or {@code hh_processor}), tags, and named integer values that are either counters
 * or gauges read on demand. Thread-safe; counters are {@link LongAdder}s so the hot path never
 * contends.
 */
public final class Statistic {

    private final String name;
    private final Map<String, String> tags;
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    Statistic(String name, Map<String, String> tags) {
        this.name = name;
        this.tags = Map.copyOf(tags);
    }

    public String name() {
        return name;
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** The counter {@code value}, created at 0 on first use. */
    public LongAdder counter(String value) {
        return counters.computeIfAbsent(value, v -> new LongAdder());
    }

    /** Adds {@code n} to counter {@code value}. */
    public void add(String value, long n) {
        counter(value).add(n);
    }

    /** Registers a gauge read whenever the statistic is reported. */
    public Statistic gauge(String value, LongSupplier supplier) {
        gauges.put(value, supplier);
        return this;
    }

    /** All current values, sorted by name. */
    public Map<String, Long> values() {
        Map<String, Long> out = new ConcurrentSkipListMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        gauges.forEach((k, v) -> out.put(k, v.getAsLong()));
        return out;
    }
}
