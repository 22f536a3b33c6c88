package io.shardline.datanode.monitor;

import io.shardline.common.stats.Diagnostic;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.unit.GoDurations;
import io.shardline.config.data.DataNodeConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The data node's {@code SHOW DIAGNOSTICS} modules beyond the process's own: {@code cluster} (this
 * node's id and addresses, the meta servers) and a subset of the configuration per section, named
 * as 1.x names them ({@code config}, {@code config-data}, {@code config-httpd}, {@code config-meta},
 * {@code config-monitor}, {@code config-coordinator}, {@code config-precreator}, {@code config-retention})
 * plus Enterprise's sections ({@code config-hinted-handoff}, {@code config-anti-entropy}). Durations
 * in Go's form, as 1.x prints them. Stateless.
 */
public final class NodeDiagnostics {

    private NodeDiagnostics() {
    }

    public static void register(StatsRegistry registry, DataNodeConfig c, LongSupplier nodeId) {
        registry.diagnostic("cluster", () -> Diagnostic.ofMap(Map.of("nodeID", nodeId.getAsLong(),
                "tcpAddress", c.advertisedTcpAddress().toString(), "httpAddress", c.advertisedHttpAddress().toString(),
                "metaServers", String.join(",", c.meta().metaServers()))));
        add(registry, "config", "bind-address", c.bindAddress().toString(), "hostname", c.hostname(),
                "gossip-frequency", d(c.gossipFrequency()));
        add(registry, "config-data", "dir", c.data().dir().toString(), "wal-dir", c.data().walDir().toString(),
                "wal-fsync-delay", d(c.data().walFsyncDelay()), "cache-max-memory-size", c.data().cacheMaxMemorySize(),
                "cache-snapshot-memory-size", c.data().cacheSnapshotMemorySize(),
                "max-series-per-database", c.data().maxSeriesPerDatabase(), "max-values-per-tag", c.data().maxValuesPerTag(),
                "max-concurrent-compactions", (long) c.data().maxConcurrentCompactions());
        add(registry, "config-httpd", "enabled", c.http().enabled(), "bind-address", c.http().bindAddress().toString(),
                "log-enabled", c.http().logEnabled(), "access-log-path", c.http().accessLogPath(),
                "https-enabled", false, "max-body-size", c.http().maxBodySize(), "max-row-limit", c.http().maxRowLimit());
        add(registry, "config-meta", "dir", c.meta().dir().toString());
        add(registry, "config-monitor", "store-enabled", c.monitor().storeEnabled(), "store-database",
                c.monitor().storeDatabase(), "store-interval", d(c.monitor().storeInterval()),
                "remote-collect-interval", d(c.monitor().remoteCollectInterval()));
        add(registry, "config-coordinator", "write-timeout", d(c.cluster().writeTimeout()), "dial-timeout",
                d(c.cluster().dialTimeout()), "shard-reader-timeout", d(c.cluster().shardReaderTimeout()),
                "log-queries-after", d(c.cluster().logQueriesAfter()), "max-concurrent-queries",
                (long) c.cluster().maxConcurrentQueries(), "query-timeout", d(c.cluster().queryTimeout()),
                "max-select-point", c.cluster().maxSelectPoint(), "max-select-series", c.cluster().maxSelectSeries(),
                "max-select-buckets", c.cluster().maxSelectBuckets());
        add(registry, "config-hinted-handoff", "enabled", c.hintedHandoff().enabled(), "dir",
                c.hintedHandoff().dir().toString(), "max-size", c.hintedHandoff().maxSize(), "max-age",
                d(c.hintedHandoff().maxAge()), "retry-interval", d(c.hintedHandoff().retryInterval()),
                "retry-max-interval", d(c.hintedHandoff().retryMaxInterval()));
        add(registry, "config-anti-entropy", "enabled", c.antiEntropy().enabled(), "check-interval",
                d(c.antiEntropy().checkInterval()), "max-fetch", (long) c.antiEntropy().maxFetch(),
                "auto-repair-missing", c.antiEntropy().autoRepairMissing(), "auto-repair-diff",
                c.antiEntropy().autoRepairDiff());
        add(registry, "config-precreator", "enabled", c.shardPrecreation().enabled(), "check-interval",
                d(c.shardPrecreation().checkInterval()), "advance-period", d(c.shardPrecreation().advancePeriod()));
        add(registry, "config-retention", "enabled", c.retention().enabled(), "check-interval",
                d(c.retention().checkInterval()));
    }

    private static void add(StatsRegistry registry, String module, Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        Diagnostic diagnostic = Diagnostic.ofMap(row);
        registry.diagnostic(module, () -> diagnostic);
    }

    private static String d(Duration duration) {
        return GoDurations.format(duration);
    }
}
