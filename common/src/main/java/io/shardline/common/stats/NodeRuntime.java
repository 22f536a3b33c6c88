package io.shardline.common.stats;

import io.shardline.common.ShardlineVersion;
import io.shardline.common.json.GoJson;
import io.shardline.common.time.Clock;
import io.shardline.common.unit.GoDurations;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The process's own figures, from the JVM's management beans, under InfluxDB 1.x's names where a
 * Go runtime figure has a JVM counterpart: the {@code runtime} statistic ({@code Alloc},
 * {@code HeapAlloc}, {@code HeapIdle}, {@code HeapInUse}, {@code HeapSys}, {@code Sys},
 * {@code TotalAlloc}, {@code NumGC}, {@code PauseTotalNs}, {@code NumGoroutine} = live threads;
 * Go-only ones such as {@code Mallocs} are left out rather than faked), the {@code build},
 * {@code runtime}, {@code network} and {@code system} diagnostics, and the {@code system},
 * {@code cmdline} and {@code memstats} parts of {@code /debug/vars}. Thread-safe (reads only).
 */
public final class NodeRuntime {

    private static final java.time.format.DateTimeFormatter RFC3339_NANO = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().appendLiteral('Z')
            .toFormatter(Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final long startedNanos;
    private final List<String> cmdline;
    private final String hostname;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    public NodeRuntime(Clock clock, List<String> cmdline, String hostname) {
        this.clock = clock;
        this.startedNanos = clock.wallNanos();
        this.cmdline = List.copyOf(cmdline);
        this.hostname = hostname;
    }

    /** This process: the command line the JVM was started with and the operating system's host name. */
    public static NodeRuntime ofProcess(Clock clock) {
        String command = System.getProperty("sun.java.command", "shardline");
        return new NodeRuntime(clock, List.of(command.trim().split("\\s+")), osHostname());
    }

    /** The host name as the operating system reports it (Go's {@code os.Hostname}). */
    public static String osHostname() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel).trim();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    public String hostname() {
        return hostname;
    }

    /** Registers the {@code runtime} statistic and the process's diagnostics modules. */
    public NodeRuntime register(StatsRegistry registry) {
        Statistic runtime = registry.statistic("runtime");
        runtime.gauge("Alloc", () -> heap().getUsed()).gauge("HeapAlloc", () -> heap().getUsed())
                .gauge("HeapInUse", () -> heap().getUsed()).gauge("HeapSys", () -> heap().getCommitted())
                .gauge("HeapIdle", () -> Math.max(0, heap().getCommitted() - heap().getUsed()))
                .gauge("HeapMax", () -> Math.max(0, heap().getMax()))
                .gauge("NonHeapInUse", () -> memory.getNonHeapMemoryUsage().getUsed())
                .gauge("Sys", () -> heap().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted())
                .gauge("TotalAlloc", this::totalAllocated).gauge("NumGC", this::gcCount)
                .gauge("PauseTotalNs", () -> gcMillis() * 1_000_000L).gauge("NumGoroutine", threads::getThreadCount);
        registry.diagnostic("build", () -> Diagnostic.ofRow(List.of("Branch", "Build Time", "Commit", "Version"),
                List.of("unknown", "", "unknown", ShardlineVersion.influxVersionHeader())));
        registry.diagnostic("runtime", () -> Diagnostic.ofMap(Map.of("GOARCH", System.getProperty("os.arch", ""),
                "GOMAXPROCS", (long) Runtime.getRuntime().availableProcessors(),
                "GOOS", System.getProperty("os.name", "").toLowerCase(Locale.ROOT),
                "version", "java" + Runtime.version())));
        registry.diagnostic("network", () -> Diagnostic.ofMap(Map.of("hostname", hostname)));
        registry.diagnostic("system", () -> Diagnostic.ofMap(Map.of("PID", ProcessHandle.current().pid(),
                "currentTime", time(clock.wallNanos()), "started", time(startedNanos),
                "uptime", GoDurations.format(Duration.ofNanos(clock.wallNanos() - startedNanos)))));
        return this;
    }

    /** {@code {"currentTime":"...","started":"...","uptime":<whole seconds>}} as 1.x's /debug/vars. */
    public String systemJson() {
        long now = clock.wallNanos();
        return "{\"currentTime\":" + GoJson.quote(time(now)) + ",\"started\":" + GoJson.quote(time(startedNanos))
                + ",\"uptime\":" + (now - startedNanos) / 1_000_000_000L + "}";
    }

    /** The command line as a JSON array, like Go's {@code os.Args}. */
    public String cmdlineJson() {
        List<String> quoted = new ArrayList<>();
        cmdline.forEach(a -> quoted.add(GoJson.quote(a)));
        return "[" + String.join(",", quoted) + "]";
    }

    /** The JVM's memory figures under Go's {@code runtime.MemStats} names where they map, plus the JVM's own. */
    public String memstatsJson() {
        Map<String, Long> m = new LinkedHashMap<>();
        MemoryUsage heap = heap();
        MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        m.put("Alloc", heap.getUsed());
        m.put("TotalAlloc", totalAllocated());
        m.put("Sys", heap.getCommitted() + nonHeap.getCommitted());
        m.put("HeapAlloc", heap.getUsed());
        m.put("HeapSys", heap.getCommitted());
        m.put("HeapIdle", Math.max(0, heap.getCommitted() - heap.getUsed()));
        m.put("HeapInuse", heap.getUsed());
        m.put("HeapMax", Math.max(0, heap.getMax()));
        m.put("NonHeapInuse", nonHeap.getUsed());
        m.put("NonHeapSys", nonHeap.getCommitted());
        m.put("PauseTotalNs", gcMillis() * 1_000_000L);
        m.put("NumGC", gcCount());
        m.put("NumThreads", (long) threads.getThreadCount());
        StringBuilder b = new StringBuilder("{");
        m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(GoJson.quote(k)).append(':').append(v));
        return b.append('}').toString();
    }

    private MemoryUsage heap() {
        return memory.getHeapMemoryUsage();
    }

    private long totalAllocated() {
        if (threads instanceof com.sun.management.ThreadMXBean hotspot && hotspot.isThreadAllocatedMemoryEnabled()) {
            return Math.max(0, hotspot.getTotalThreadAllocatedBytes());
        }
        return 0;
    }

    private long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }

    /** RFC 3339 with nanoseconds and trailing zeros dropped, as Go's {@code time.RFC3339Nano}. */
    public static String time(long epochNanos) {
        return RFC3339_NANO.format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)));
    }
}
