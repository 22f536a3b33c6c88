package io.shardline.datanode.entropy;

import io.shardline.meta.model.ShardLocation;
import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.TimeRange;
import io.shardline.storage.Tombstone;
import io.shardline.storage.ShardStore;
import io.shardline.storage.patch.Patch;
import io.shardline.storage.patch.PatchVisitor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The write path of a simulation: a coordinator stamps each batch or delete with the next version
 * (one global hybrid-logical order) and applies it on every owner it reaches; for the others it
 * queues it in a hinted-handoff queue per (coordinator, owner), replayed in order or purged. Keeps
 * the ground truth: every value and tombstone that reached at least one owner, so a test can say
 * what every owner must hold once anti-entropy has converged.
 */
final class SimWorkload {

    /** A value as the store keeps it. */
    record Key(long shard, SeriesKey series, String field, long ts) {
    }

    private sealed interface Op permits WriteOp, DeleteOp {
        long shard();
    }

    private record WriteOp(long shard, List<Point> points, long version) implements Op {
    }

    private record DeleteOp(long shard, Tombstone tombstone) implements Op {
    }

    static final int SERIES = 16;
    static final String[] FIELDS = {"v0", "v1", "v2", "v3"};

    private final SimEntropyCluster cluster;
    private final Random rnd;
    private final Map<List<Long>, List<Op>> handoff = new LinkedHashMap<>();
    /** Ground truth: the newest version of every value that reached an owner. */
    final Map<Key, Long> delivered = new HashMap<>();
    /** Ground truth: tombstones that reached an owner, per shard. */
    final Map<Long, List<Tombstone>> tombstones = new TreeMap<>();
    private long lastVersion;
    long writes;
    long deletes;

    SimWorkload(SimEntropyCluster cluster, Random rnd) {
        this.cluster = cluster;
        this.rnd = rnd;
    }

    private long nextVersion() {
        lastVersion = Math.max(lastVersion + 1, io.shardline.model.Hlc.minVersionAt(cluster.clock.wallMillis()));
        return lastVersion;
    }

    /** Writes a batch of points of random series into {@code shard} through {@code coordinator}. */
    void write(long coordinator, long shard, int points, long minTs, long spanNanos) {
        List<Point> batch = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < points; i++) {
            String host = "h" + rnd.nextInt(SERIES);
            long ts = minTs + (Math.floorMod(rnd.nextLong(), spanNanos) / 1_000_000_000L) * 1_000_000_000L;
            if (!seen.add(host + ts)) {
                continue;
            }
            var b = Point.builder("cpu").tag("host", host).timestamp(ts);
            for (String f : FIELDS) {
                b.floatField(f, Math.round(rnd.nextDouble() * 1000) / 10.0);
            }
            batch.add(b.build());
        }
        deliver(coordinator, new WriteOp(shard, batch, nextVersion()));
        writes++;
    }

    /** Deletes a random host's points in a time range of {@code shard}. */
    void delete(long coordinator, long shard, long minTs, long maxTs) {
        String host = "h" + rnd.nextInt(SERIES);
        Tombstone t = Tombstone.delete("cpu", TagPredicate.eq("host", host), new TimeRange(minTs, maxTs), nextVersion());
        deliver(coordinator, new DeleteOp(shard, t));
        deletes++;
    }

    private void deliver(long coordinator, Op op) {
        ShardLocation l = cluster.view.shards().shard(op.shard()).orElseThrow();
        for (long owner : l.shard().owners()) {
            List<Long> queue = List.of(coordinator, owner);
            boolean queued = handoff.containsKey(queue) && !handoff.get(queue).isEmpty();
            if (!queued && (owner == coordinator ? cluster.node(owner).up : cluster.reachable(coordinator, owner))) {
                apply(owner, op);
            } else {
                handoff.computeIfAbsent(queue, k -> new ArrayList<>()).add(op);
            }
        }
    }

    private void apply(long owner, Op op) {
        ShardStore s = cluster.node(owner).open(op.shard());
        if (op instanceof WriteOp w) {
            s.write(w.points(), w.version());
            for (Point p : w.points()) {
                for (int f = 0; f < p.fieldCount(); f++) {
                    delivered.merge(new Key(w.shard(), p.series(), p.fieldKey(f), p.timestamp()), w.version(),
                            Math::max);
                }
            }
        } else if (op instanceof DeleteOp d) {
            s.delete(d.tombstone());
            List<Tombstone> list = tombstones.computeIfAbsent(d.shard(), k -> new ArrayList<>());
            if (!list.contains(d.tombstone())) {
                list.add(d.tombstone());
            }
        }
    }

    /** Replays every hinted-handoff queue whose destination its coordinator can reach, in order. */
    void replayHandoff() {
        for (Map.Entry<List<Long>, List<Op>> e : handoff.entrySet()) {
            long from = e.getKey().get(0);
            long to = e.getKey().get(1);
            if (!e.getValue().isEmpty() && (from == to ? cluster.node(to).up : cluster.reachable(from, to))) {
                e.getValue().forEach(op -> apply(to, op));
                e.getValue().clear();
            }
        }
    }

    /** Purges one random non-empty queue (max-age): its writes never reach that owner. */
    boolean purgeRandomQueue() {
        List<List<Long>> nonEmpty = handoff.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        if (nonEmpty.isEmpty()) {
            return false;
        }
        handoff.get(nonEmpty.get(rnd.nextInt(nonEmpty.size()))).clear();
        return true;
    }

    /** What every owner of {@code shard} must hold: delivered values not hidden by a delivered tombstone. */
    Map<Key, Long> expected(long shard) {
        Map<Key, Long> out = new HashMap<>();
        List<Tombstone> ts = tombstones.getOrDefault(shard, List.of());
        delivered.forEach((k, v) -> {
            if (k.shard() == shard && ts.stream().noneMatch(t -> t.appliesTo(k.series()) && t.hides(k.ts(), v))) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** What a store holds: every visible value with its version. */
    static Map<Key, Long> actual(long shard, ShardStore s) {
        Map<Key, Long> out = new HashMap<>();
        if (s == null) {
            return out;
        }
        Patch p = s.exportPatch(SimEntropyCluster.everything(s));
        p.accept(new PatchVisitor() {
            @Override
            public void tombstone(Tombstone tombstone) {
            }

            @Override
            public void entry(SeriesKey series, String field, FieldType type, long timestamp, long version, long bits,
                              String string) {
                out.put(new Key(shard, series, field, timestamp), version);
            }
        });
        return out;
    }
}
