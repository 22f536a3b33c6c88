package io.shardline.common.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics and diagnostics of one node. Components register what they own: statistics
 * ({@link #statistic}, counters and gauges), sources of computed statistics ({@link #source}, one
 * per shard or database), and {@code SHOW DIAGNOSTICS} modules ({@link #diagnostic}). Four views
 * read it and keep no figures of their own: {@code /debug/vars} ({@link DebugVars}), {@code SHOW
 * STATS} / {@code SHOW DIAGNOSTICS}, the {@code _internal} monitor writer and Prometheus
 * {@code /metrics}. Thread-safe; registering and reading never block each other.
 */
public final class StatsRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(StatsRegistry.class);

    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Statistic> stats = new ConcurrentHashMap<>();
    private final Map<Long, StatsSource> sources = new ConcurrentSkipListMap<>();
    private final Map<String, Supplier<Diagnostic>> diagnostics = new ConcurrentHashMap<>();

    /** The statistic with this name and tags, created on first use. */
    public Statistic statistic(String name, Map<String, String> tags) {
        String key = key(name, tags);
        Statistic existing = stats.get(key);
        return existing != null ? existing
                : stats.computeIfAbsent(key, k -> new Statistic(name, tags, sequence.incrementAndGet()));
    }

    public Statistic statistic(String name) {
        return statistic(name, Map.of());
    }

    /** Forgets a statistic (a queue that was deleted, a node that was removed). */
    public void remove(String name, Map<String, String> tags) {
        stats.remove(key(name, tags));
    }

    /** Every registered statistic, ordered by key. */
    public List<Statistic> all() {
        return new ArrayList<>(new TreeMap<>(stats).values());
    }

    /**
     * Registers statistics computed on every read; closing the returned handle unregisters them.
     * A source that throws is logged and skipped, so one broken component never hides the others.
     */
    public AutoCloseable source(StatsSource source) {
        long id = sequence.incrementAndGet();
        sources.put(id, source);
        return () -> sources.remove(id);
    }

    /** Registers (or replaces) the {@code SHOW DIAGNOSTICS} module {@code module}. */
    public void diagnostic(String module, Supplier<Diagnostic> supplier) {
        diagnostics.put(module, supplier);
    }

    /**
     * Every statistic now, registered and computed: grouped by name in the order their module first
     * registered (as 1.x lists its services), then by tags.
     */
    public List<StatSnapshot> snapshot() {
        List<StatSnapshot> all = new ArrayList<>();
        for (Statistic s : stats.values()) {
            all.add(s.snapshot());
        }
        sources.forEach((id, source) -> {
            try {
                for (StatSnapshot s : source.collect()) {
                    all.add(s.ordered(id));
                }
            } catch (RuntimeException e) {
                LOG.warn("Statistics source failed: {}", e.toString());
            }
        });
        Map<String, Long> moduleOrder = new HashMap<>();
        for (StatSnapshot s : all) {
            moduleOrder.merge(s.name(), s.order(), Math::min);
        }
        all.sort(Comparator.<StatSnapshot>comparingLong(s -> moduleOrder.get(s.name()))
                .thenComparing(StatSnapshot::name)
                .thenComparing(s -> key(s.name(), s.tags()), StatsRegistry::naturalOrder));
        return all;
    }

    /** The statistics of one module (1.x's {@code SHOW STATS FOR 'module'}); empty when unknown. */
    public List<StatSnapshot> snapshot(String module) {
        return snapshot().stream().filter(s -> s.name().equals(module)).toList();
    }

    /** Every diagnostics module now, sorted by name; a module whose supplier fails is left out. */
    public SortedMap<String, Diagnostic> diagnostics() {
        SortedMap<String, Diagnostic> out = new TreeMap<>();
        diagnostics.forEach((module, supplier) -> {
            try {
                out.put(module, supplier.get());
            } catch (RuntimeException e) {
                LOG.warn("Diagnostics module failed module={}: {}", module, e.toString());
            }
        });
        return out;
    }

    /** The statistics part of {@code /debug/vars} (see {@link DebugVars} for the whole document). */
    public String toDebugVarsJson() {
        return DebugVars.render(this, List.of());
    }

    static String key(String name, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return name;
        }
        StringBuilder b = new StringBuilder(name).append(':');
        boolean first = true;
        for (Map.Entry<String, String> t : new TreeMap<>(tags).entrySet()) {
            b.append(first ? "" : ",").append(t.getKey()).append('=').append(t.getValue());
            first = false;
        }
        return b.toString();
    }

    /** Compares with runs of digits as numbers, so shard 9 lists before shard 10. */
    static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = Integer.compare(i - si, j - sj);
                if (c == 0) {
                    c = a.substring(si, i).compareTo(b.substring(sj, j));
                }
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
