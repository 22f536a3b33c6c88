package io.shardline.common.stats;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One measurement of InfluxDB's {@code /debug/vars} / {@code _internal} style: a name (such as
 * {@code write} or {@code hh_processor}), tags, and named values that are counters (only ever
 * grow), or gauges read on demand (integer, float or string, as 1.x's fields can be). Thread-safe;
 * counters are {@link LongAdder}s found without locking, so the hot path never contends or
 * allocates once a counter exists (keep the {@link LongAdder} of {@link #counter} for the hottest
 * paths).
 */
public final class Statistic {

    private final String name;
    private final Map<String, String> tags;
    private final long order;
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, Object> gauges = new ConcurrentHashMap<>();

    Statistic(String name, Map<String, String> tags, long order) {
        this.name = name;
        this.tags = Map.copyOf(tags);
        this.order = order;
    }

    public String name() {
        return name;
    }

    public Map<String, String> tags() {
        return tags;
    }

    long order() {
        return order;
    }

    /** The counter {@code value}, created at 0 on first use. */
    public LongAdder counter(String value) {
        LongAdder existing = counters.get(value); // a plain get never locks; computeIfAbsent may
        return existing != null ? existing : counters.computeIfAbsent(value, v -> new LongAdder());
    }

    /** Creates these counters at 0 (1.x lists every field of a statistic from the start); returns this. */
    public Statistic counters(String... values) {
        for (String v : values) {
            counter(v);
        }
        return this;
    }

    /** Adds {@code n} to counter {@code value}. */
    public void add(String value, long n) {
        counter(value).add(n);
    }

    /** Registers an integer gauge read whenever the statistic is reported. */
    public Statistic gauge(String value, LongSupplier supplier) {
        gauges.put(value, supplier);
        return this;
    }

    /** Registers a float gauge (1.x float fields) read whenever the statistic is reported. */
    public Statistic floatGauge(String value, DoubleSupplier supplier) {
        gauges.put(value, supplier);
        return this;
    }

    /** Registers a string-valued field read whenever the statistic is reported. */
    public Statistic stringGauge(String value, Supplier<String> supplier) {
        gauges.put(value, supplier);
        return this;
    }

    /** All current integer values (counters and integer gauges), sorted by name. */
    public Map<String, Long> values() {
        Map<String, Long> out = new ConcurrentSkipListMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        gauges.forEach((k, v) -> {
            if (v instanceof LongSupplier s) {
                out.put(k, s.getAsLong());
            }
        });
        return out;
    }

    /** Whether {@code value} is a counter (rather than a gauge). */
    public boolean isCounter(String value) {
        return counters.containsKey(value);
    }

    /** Every value now: counters and gauges of every type, sorted by name. */
    public StatSnapshot snapshot() {
        Map<String, Object> out = new TreeMap<>();
        Set<String> counterNames = new TreeSet<>();
        counters.forEach((k, v) -> {
            out.put(k, v.sum());
            counterNames.add(k);
        });
        gauges.forEach((k, v) -> {
            try {
                out.put(k, read(v));
            } catch (RuntimeException e) {
                // a component closing under a reader (shutdown, a dropped shard): leave the value out
            }
        });
        return new StatSnapshot(name, tags, out, counterNames, order);
    }

    private static Object read(Object supplier) {
        if (supplier instanceof LongSupplier s) {
            return s.getAsLong();
        }
        if (supplier instanceof DoubleSupplier s) {
            return s.getAsDouble();
        }
        Object v = ((Supplier<?>) supplier).get();
        return v == null ? "" : v.toString();
    }
}
