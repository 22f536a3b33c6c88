package io.shardline.common.stats;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prometheus {@code /metrics} over the node's {@link StatsRegistry}, written by Prometheus's own
 * Java client in the text exposition format. InfluxDB 1.8's endpoint serves the Go client's
 * default collectors; the JVM client's collectors give the same {@code process_*} names
 * ({@code process_cpu_seconds_total}, {@code process_resident_memory_bytes}, {@code
 * process_open_fds}, ...) and {@code jvm_*} in place of {@code go_*}. Every statistic follows as
 * {@code influxdb_<measurement>_<field>} (Telegraf's {@code influxdb_<measurement>} naming) in
 * Prometheus's snake case ({@code hh_processor.queueBytes} is {@code influxdb_hh_processor_queue_bytes}),
 * its tags as snake-case labels, counters typed {@code counter} (so exposed with {@code _total}),
 * the rest gauges; string values are left out. Thread-safe; each scrape reads the registry afresh.
 */
public final class PrometheusMetrics {

    /** The content type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public PrometheusMetrics(StatsRegistry stats) {
        JvmMetrics.builder().register(registry);
        registry.register((MultiCollector) () -> collect(stats.snapshot()));
    }

    /** One scrape in the text format. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The Prometheus metric families of a set of statistics. */
    static MetricSnapshots collect(List<StatSnapshot> stats) {
        Map<String, Family> families = new LinkedHashMap<>();
        for (StatSnapshot s : stats) {
            Labels labels = labels(s.tags());
            for (Map.Entry<String, Object> v : s.values().entrySet()) {
                if (!(v.getValue() instanceof Number number)) {
                    continue;
                }
                String name = metricName(s.name(), v.getKey());
                Family f = families.computeIfAbsent(name, n -> new Family(s.counters().contains(v.getKey()),
                        "InfluxDB statistic " + s.name() + "." + v.getKey()));
                if (f.labelSets.add(labels)) {
                    f.points.add(new Point(labels, number.doubleValue()));
                }
            }
        }
        List<MetricSnapshot> out = new ArrayList<>();
        families.forEach((name, f) -> out.add(f.snapshot(name)));
        return new MetricSnapshots(out);
    }

    /** {@code influxdb_<measurement>_<field>}, with characters Prometheus does not allow replaced by {@code _}. */
    static String metricName(String measurement, String field) {
        String name = legacy("influxdb_" + snake(measurement) + "_" + snake(field));
        for (String suffix : new String[] {"_total", "_created", "_bucket", "_info", "_count", "_sum"}) {
            if (name.endsWith(suffix)) {
                name = name + "_value"; // reserved suffixes would be taken for a counter's or histogram's parts
            }
        }
        return name;
    }

    /** {@code queueBytes} → {@code queue_bytes}, {@code HeapInUse} → {@code heap_in_use}, {@code nodeID} → {@code node_id}. */
    static String snake(String name) {
        StringBuilder b = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(name.charAt(i - 1));
                if (prevLower || (prevUpper && nextLower)) {
                    b.append('_');
                }
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Prometheus's classic name alphabet ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}), which every scraper accepts. */
    static String legacy(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            b.append(ok ? c : '_');
        }
        return b.toString();
    }

    private static Labels labels(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return Labels.EMPTY;
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        tags.forEach((k, v) -> {
            names.add(legacy(snake(k)));
            values.add(v);
        });
        return Labels.of(names, values);
    }

    private record Point(Labels labels, double value) {
    }

    private static final class Family {
        final boolean counter;
        final String help;
        final Set<Labels> labelSets = new HashSet<>();
        final List<Point> points = new ArrayList<>();

        Family(boolean counter, String help) {
            this.counter = counter;
            this.help = help;
        }

        MetricSnapshot snapshot(String name) {
            if (counter) {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
                points.forEach(p -> b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(p.labels())
                        .value(Math.max(0, p.value())).build()));
                return b.build();
            }
            GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
            points.forEach(p -> b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(p.labels())
                    .value(p.value()).build()));
            return b.build();
        }
    }
}
