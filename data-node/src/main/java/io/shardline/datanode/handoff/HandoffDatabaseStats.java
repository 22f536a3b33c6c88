package io.shardline.datanode.handoff;

import io.shardline.common.stats.StatSnapshot;
import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.stats.StatsSource;
import io.shardline.meta.model.ShardLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * Enterprise's {@code hh_database}: the hinted-handoff queues of one destination node summed per
 * database and retention policy (tags {@code node}, {@code database}, {@code retention_policy}),
 * computed from the per-queue {@code hh_processor} statistics and the cluster view when read, so it
 * keeps no figures of its own. Queues of shards the view no longer knows are left out. Thread-safe.
 */
public final class HandoffDatabaseStats implements StatsSource {

    private final StatsRegistry registry;
    private final LongFunction<Optional<ShardLocation>> locate;

    public HandoffDatabaseStats(StatsRegistry registry, LongFunction<Optional<ShardLocation>> locate) {
        this.registry = registry;
        this.locate = locate;
    }

    @Override
    public List<StatSnapshot> collect() {
        Map<List<String>, Map<String, Object>> sums = new TreeMap<>((a, b) -> String.join("\0", a).compareTo(String.join("\0", b)));
        Set<String> counters = new TreeSet<>();
        for (Statistic s : registry.all()) {
            if (!"hh_processor".equals(s.name()) || !s.tags().containsKey("shard")) {
                continue;
            }
            Optional<ShardLocation> where = locate.apply(Long.parseLong(s.tags().get("shard")));
            if (where.isEmpty()) {
                continue;
            }
            StatSnapshot snap = s.snapshot();
            counters.addAll(snap.counters());
            Map<String, Object> sum = sums.computeIfAbsent(List.of(s.tags().getOrDefault("node", ""),
                    where.get().database(), where.get().retentionPolicy()), k -> new TreeMap<>());
            snap.values().forEach((k, v) -> {
                if (v instanceof Long l) {
                    sum.merge(k, l, (x, y) -> k.equals("oldestEntryAgeMs") ? Math.max((Long) x, (Long) y)
                            : (Long) x + (Long) y);
                }
            });
        }
        List<StatSnapshot> out = new ArrayList<>();
        sums.forEach((key, values) -> out.add(new StatSnapshot("hh_database", Map.of("node", key.get(0),
                "database", key.get(1), "retention_policy", key.get(2)), values, counters)));
        return out;
    }
}
