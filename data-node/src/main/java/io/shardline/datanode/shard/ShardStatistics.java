package io.shardline.datanode.shard;

import io.shardline.common.stats.StatSnapshot;
import io.shardline.common.stats.StatsSource;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStatus;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.WriteResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The storage statistics of a data node, computed when read from the shard engine's figures plus
 * the write counters kept here: {@code shard} per open shard (1.x's tags {@code database},
 * {@code retentionPolicy}, {@code id}, {@code engine}, {@code path}, {@code walPath}; {@code
 * diskBytes}, {@code numSeries}, {@code writeReq}/{@code writeReqOk}/{@code writeReqErr},
 * {@code writePointsOk}/{@code writePointsDropped}/{@code writePointsErr}, {@code seriesCreate},
 * {@code fieldsCreate}, {@code writeBytes} from the storage's {@link WriteResult}), {@code rocksdb_shard}
 * per shard (RocksDB's own figures, like 1.x's per-shard {@code tsm1_*}), {@code rocksdb} for the
 * node (block cache, stalls, compaction I/O), and {@code database} per database ({@code numSeries}:
 * the shards' live series summed, so a series present in two shard groups counts twice;
 * {@code numMeasurements}: distinct names, cached per shard until it changes). Counting a write is
 * two map reads and a few adds. Thread-safe.
 */
public final class ShardStatistics implements StatsSource {

    /** Figures of {@code rocksdb} that only grow (Prometheus counters). */
    private static final Set<String> ENGINE_COUNTERS = Set.of("blockCacheHit", "blockCacheMiss", "stallMicros",
            "bytesWritten", "bytesRead", "walBytes", "compactReadBytes", "compactWriteBytes", "flushWriteBytes");
    private static final Set<String> WRITE_COUNTERS = Set.of("writeReq", "writeReqOk", "writeReqErr",
            "writePointsOk", "writePointsDropped", "writePointsErr", "seriesCreate", "fieldsCreate", "writeBytes");

    private final ShardEngine engine;
    private final Path dataDir;
    private final Path walDir;
    private final Map<Long, Counters> counters = new ConcurrentHashMap<>();
    private final Map<ShardId, Measurements> measurements = new ConcurrentHashMap<>();

    public ShardStatistics(ShardEngine engine, Path dataDir, Path walDir) {
        this.engine = engine;
        this.dataDir = dataDir;
        this.walDir = walDir;
    }

    /** A batch written to shard {@code shardId}: points kept and refused, series and fields created, bytes. */
    public void written(long shardId, WriteResult r) {
        Counters c = counters(shardId);
        c.writeReq.increment();
        c.writeReqOk.increment();
        c.pointsOk.add(r.stored());
        c.pointsDropped.add(r.dropped());
        if (r.seriesCreated() > 0) {
            c.seriesCreate.add(r.seriesCreated());
        }
        if (r.fieldsCreated() > 0) {
            c.fieldsCreate.add(r.fieldsCreated());
        }
        c.writeBytes.add(r.bytesWritten());
    }

    /** A batch of {@code points} that shard {@code shardId} could not take. */
    public void failed(long shardId, long points) {
        Counters c = counters(shardId);
        c.writeReq.increment();
        c.writeReqErr.increment();
        c.pointsErr.add(points);
    }

    private Counters counters(long shardId) {
        Counters c = counters.get(shardId);
        return c != null ? c : counters.computeIfAbsent(shardId, id -> new Counters());
    }

    @Override
    public List<StatSnapshot> collect() {
        List<StatSnapshot> shards = new ArrayList<>();
        List<StatSnapshot> rocks = new ArrayList<>();
        Map<String, long[]> seriesByDb = new TreeMap<>();
        Map<String, Set<String>> namesByDb = new TreeMap<>();
        Set<Long> live = new TreeSet<>();
        for (ShardStatus status : engine.shards()) {
            Optional<ShardStore> store = status.open() ? engine.get(status.id()) : Optional.empty();
            if (store.isEmpty()) {
                continue;
            }
            ShardId id = status.id();
            live.add(id.id());
            Map<String, String> tags = Map.of("database", id.database(), "retentionPolicy", id.retentionPolicy(),
                    "id", Long.toString(id.id()), "engine", "rocksdb", "path", id.under(dataDir).toString(),
                    "walPath", id.under(walDir).toString());
            Map<String, Long> figures = engine.shardFigures(id);
            Map<String, Object> values = new HashMap<>();
            long series = figures.getOrDefault("numSeries", 0L);
            values.put("numSeries", series);
            try {
                values.put("diskBytes", store.get().sizeBytes());
            } catch (RuntimeException e) {
                continue; // dropped or closed meanwhile
            }
            counters(id.id()).into(values);
            shards.add(new StatSnapshot("shard", tags, values, WRITE_COUNTERS));
            if (!figures.isEmpty()) {
                Map<String, Object> f = new HashMap<>(figures);
                f.remove("numSeries");
                rocks.add(new StatSnapshot("rocksdb_shard", tags, f, Set.of()));
            }
            seriesByDb.computeIfAbsent(id.database(), k -> new long[1])[0] += series;
            namesByDb.computeIfAbsent(id.database(), k -> new TreeSet<>()).addAll(measurements(store.get()));
        }
        counters.keySet().retainAll(live);
        measurements.keySet().removeIf(id -> !live.contains(id.id()));
        List<StatSnapshot> out = new ArrayList<>();
        seriesByDb.forEach((db, n) -> out.add(new StatSnapshot("database", Map.of("database", db),
                Map.of("numSeries", n[0], "numMeasurements", (long) namesByDb.get(db).size()), Set.of())));
        out.addAll(shards);
        out.addAll(rocks);
        Map<String, Long> node = engine.engineFigures();
        if (!node.isEmpty()) {
            out.add(new StatSnapshot("rocksdb", Map.of("engine", "rocksdb", "path", dataDir.toString()),
                    new HashMap<>(node), ENGINE_COUNTERS));
        }
        return out;
    }

    /** The shard's measurement names, recomputed only after the shard changed. */
    private List<String> measurements(ShardStore store) {
        long modified = store.lastModified();
        Measurements cached = measurements.get(store.id());
        if (cached != null && cached.modified == modified) {
            return cached.names;
        }
        List<String> names = store.measurements(TagPredicate.all());
        measurements.put(store.id(), new Measurements(modified, names));
        return names;
    }

    private record Measurements(long modified, List<String> names) {
    }

    private static final class Counters {
        final LongAdder writeReq = new LongAdder();
        final LongAdder writeReqOk = new LongAdder();
        final LongAdder writeReqErr = new LongAdder();
        final LongAdder pointsOk = new LongAdder();
        final LongAdder pointsDropped = new LongAdder();
        final LongAdder pointsErr = new LongAdder();
        final LongAdder seriesCreate = new LongAdder();
        final LongAdder fieldsCreate = new LongAdder();
        final LongAdder writeBytes = new LongAdder();

        void into(Map<String, Object> values) {
            values.put("writeReq", writeReq.sum());
            values.put("writeReqOk", writeReqOk.sum());
            values.put("writeReqErr", writeReqErr.sum());
            values.put("writePointsOk", pointsOk.sum());
            values.put("writePointsDropped", pointsDropped.sum());
            values.put("writePointsErr", pointsErr.sum());
            values.put("seriesCreate", seriesCreate.sum());
            values.put("fieldsCreate", fieldsCreate.sum());
            values.put("writeBytes", writeBytes.sum());
        }
    }
}
