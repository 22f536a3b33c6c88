package io.shardline.storage.memory;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.model.FieldType;
import io.shardline.model.Hlc;
import io.shardline.model.SeriesKey;
import io.shardline.model.lp.LineProtocolWriter;
import io.shardline.storage.PatchResult;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.TimeRange;
import io.shardline.storage.Tombstone;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.DigestBuilder;
import io.shardline.storage.digest.EntryHash;
import io.shardline.storage.digest.LeafHasher;
import io.shardline.storage.digest.RowDigest;
import io.shardline.storage.digest.SeriesRows;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.Ranges;
import io.shardline.storage.internal.TombstoneCodec;
import io.shardline.storage.internal.WriteValidator;
import io.shardline.storage.patch.Patch;
import io.shardline.storage.patch.PatchVisitor;
import io.shardline.storage.patch.PatchWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Digests, row digests, patches and export of an in-memory shard, computed from scratch on each
 * call (the store is small). Stateless; callers hold the store's lock.
 */
final class MemoryAntiEntropy {

    private MemoryAntiEntropy() {
    }

    static Digest digest(InMemoryShardStore store, long cutoff) {
        DigestBuilder b = new DigestBuilder(Buckets.NANOS, cutoff);
        LeafHasher h = new LeafHasher();
        for (MemorySeries s : store.data.values()) {
            for (Map.Entry<Integer, List<Column>> bucket : byBucket(s).entrySet()) {
                h.begin(s.key, cutoff);
                for (Column c : bucket.getValue()) {
                    h.addColumn(c.field, c.type, c.size, c.ts, c.versions, c.bits, c.strings);
                }
                b.add(s.key, Buckets.start(bucket.getKey()), h.finish());
            }
        }
        for (Tombstone t : store.tombstones.all()) {
            if (t.version() < cutoff) {
                b.addTombstone(EntryHash.tombstone(TombstoneCodec.encode(t)));
            }
        }
        return b.build();
    }

    private static TreeMap<Integer, List<Column>> byBucket(MemorySeries s) {
        TreeMap<Integer, List<Column>> buckets = new TreeMap<>();
        for (Map.Entry<String, TreeMap<Long, MemoryEntry>> f : s.fields.entrySet()) {
            Column cur = null;
            int curBucket = 0;
            for (Map.Entry<Long, MemoryEntry> e : f.getValue().entrySet()) {
                int bi = Buckets.index(e.getKey());
                if (cur == null || bi != curBucket) {
                    cur = new Column(16).reset(0, f.getKey(), e.getValue().type());
                    curBucket = bi;
                    buckets.computeIfAbsent(bi, k -> new ArrayList<>()).add(cur);
                }
                MemoryEntry v = e.getValue();
                cur.add(e.getKey(), v.version(), v.bits(), v.string());
            }
        }
        return buckets;
    }

    static RowDigest rowDigest(InMemoryShardStore store, List<SeriesRange> ranges, long cutoff, long resolution) {
        LeafHasher h = new LeafHasher();
        List<SeriesRows> out = new ArrayList<>(ranges.size());
        Column c = new Column(64);
        for (SeriesRange r : ranges) {
            h.begin(r.series(), cutoff);
            MemorySeries s = store.data.get(r.series());
            if (s != null) {
                for (String field : s.fields.keySet()) {
                    if (s.column(field, r.minTime(), r.maxTime(), c)) {
                        h.addColumn(c.field, c.type, c.size, c.ts, c.versions, c.bits, c.strings);
                    }
                }
            }
            long[][] slots = RowDigest.coarsen(h.rowTimestamps(), h.rowHashes(), h.rowCount(), resolution);
            out.add(new SeriesRows(r, slots[0], slots[1]));
        }
        return new RowDigest(cutoff, resolution, out);
    }

    /** A patch of {@code ranges}, or of everything when null; tombstones only if asked. */
    static Patch exportPatch(InMemoryShardStore store, List<SeriesRange> ranges, boolean withTombstones) {
        PatchWriter w = new PatchWriter();
        if (withTombstones) {
            store.tombstones.all().forEach(w::tombstone);
        }
        TreeMap<SeriesKey, List<long[]>> wanted = ranges == null ? null : Ranges.bySeries(ranges);
        for (MemorySeries s : store.data.values()) {
            List<long[]> intervals = wanted == null ? List.of(new long[] {Long.MIN_VALUE, Long.MAX_VALUE})
                    : wanted.get(s.key);
            if (intervals == null) {
                continue;
            }
            List<Column> cols = new ArrayList<>();
            for (String field : s.fields.keySet()) {
                Column all = null;
                Column part = new Column(16);
                for (long[] iv : intervals) {
                    if (s.column(field, iv[0], iv[1], part)) {
                        all = all != null ? all : new Column(part.size).reset(0, field, part.type);
                        for (int i = 0; i < part.size; i++) {
                            all.addFrom(part, i);
                        }
                    }
                }
                if (all != null) {
                    cols.add(all);
                }
            }
            w.series(s.key, cols);
        }
        return w.finish();
    }

    static PatchResult apply(InMemoryShardStore store, Patch patch, long tombstoneMinMillis) {
        long[] merged = {0};
        long[] dropped = {0};
        int[] added = {0};
        String[] reason = {null};
        patch.accept(new PatchVisitor() {
            @Override
            public void tombstone(Tombstone t) {
                if (Hlc.physicalMillis(t.version()) >= tombstoneMinMillis && store.addTombstone(t)) {
                    added[0]++;
                }
            }

            @Override
            public void entry(SeriesKey series, String field, FieldType type, long ts, long version, long bits,
                    String string) {
                FieldType existing = store.index.type(series.measurement(), field);
                if (existing != null && existing != type) {
                    dropped[0]++;
                    reason[0] = reason[0] != null ? reason[0]
                            : WriteValidator.conflictMessage(field, series.measurement(), type, existing);
                    return;
                }
                store.index.fixType(series.measurement(), field, type);
                store.mergeVisible(series, field, ts, new MemoryEntry(version, type, bits, string));
                merged[0]++;
            }
        });
        return new PatchResult(merged[0], dropped[0], added[0], reason[0]);
    }

    static long export(InMemoryShardStore store, TimeRange range, Writer out) {
        long lines = 0;
        StringBuilder b = new StringBuilder(4096);
        try {
            for (MemorySeries s : store.data.values()) {
                for (Map.Entry<String, TreeMap<Long, MemoryEntry>> f : s.fields.entrySet()) {
                    for (Map.Entry<Long, MemoryEntry> e : f.getValue().subMap(range.min(), true, range.max(), true)
                            .entrySet()) {
                        MemoryEntry v = e.getValue();
                        LineProtocolWriter.appendExportLine(b, s.key, f.getKey(), v.type(), v.bits(), v.string(),
                                e.getKey());
                        lines++;
                    }
                    out.append(b);
                    b.setLength(0);
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, store.id() + ": export failed: " + e.getMessage(), e);
        }
        return lines;
    }
}
