package io.shardline.storage.memory;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.config.data.StorageConfig;
import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import io.shardline.storage.CloseableIterator;
import io.shardline.storage.FieldBlockCursor;
import io.shardline.storage.FieldScanRequest;
import io.shardline.storage.PatchResult;
import io.shardline.storage.Row;
import io.shardline.storage.ScanRequest;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardSnapshot;
import io.shardline.storage.ShardStats;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.TimeRange;
import io.shardline.storage.Tombstone;
import io.shardline.storage.WriteResult;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.RowDigest;
import io.shardline.storage.internal.SeriesAdmission;
import io.shardline.storage.internal.TombstoneSet;
import io.shardline.storage.internal.Utf8Order;
import io.shardline.storage.internal.WriteValidator;
import io.shardline.storage.patch.Patch;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A shard held in Java collections with exactly the behaviour of the RocksDB store (the contract
 * test runs against both), for fast simulations. Hidden values are never kept, so every stored value
 * is visible and a series is live while it holds one. Thread-safe: one lock guards everything;
 * cursors copy one series at a time under it.
 */
public final class InMemoryShardStore implements ShardStore {

    /** {@link #mergeVisible}'s answer when a tombstone hid the value. */
    private static final int NOT_STORED = -1;
    /** What one stored value takes in {@code bytesWritten}: time, version and value, 8 bytes each. */
    private static final int MEMORY_ENTRY_BYTES = 24;

    private final ShardId id;
    private final StorageConfig config;
    private final Clock clock;
    final TreeMap<SeriesKey, MemorySeries> data = new TreeMap<>(Utf8Order.SERIES);
    final MemoryIndex index = new MemoryIndex(data);
    TombstoneSet tombstones = TombstoneSet.EMPTY;
    private long lastModified;
    private boolean closed;

    public InMemoryShardStore(ShardId id, StorageConfig config, Clock clock) {
        this.id = id;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public ShardId id() {
        return id;
    }

    @Override
    public synchronized WriteResult write(List<Point> points, long version) {
        guard();
        SeriesAdmission gate = new SeriesAdmission(index, tombstones, version, config.maxSeriesPerDatabase(),
                config.maxValuesPerTag());
        WriteValidator.Outcome o = WriteValidator.validate(points, index::type, gate);
        o.newFields().forEach((mf, t) -> index.fixType(mf.measurement(), mf.field(), t));
        int seriesCreated = 0;
        long bytes = 0;
        for (Point p : o.accepted()) {
            for (int i = 0; i < p.fieldCount(); i++) {
                FieldType t = p.fieldType(i);
                String text = t == FieldType.STRING ? p.stringValue(i) : null;
                int stored = mergeVisible(p.series(), p.fieldKey(i), p.timestamp(), new MemoryEntry(version, t,
                        text == null ? p.rawBits(i) : 0, text));
                if (stored != NOT_STORED) {
                    seriesCreated += stored;
                    bytes += MEMORY_ENTRY_BYTES + (text == null ? 0 : text.length());
                }
            }
        }
        if (!o.accepted().isEmpty()) {
            touch();
        }
        return new WriteResult(o.accepted().size(), o.dropped(), o.firstReason(), seriesCreated, o.fieldsCreated(),
                bytes);
    }

    /**
     * Stores a value unless a tombstone hides it; creates the series as needed. Returns {@link #NOT_STORED}, 1
     * when it created the series, else 0.
     */
    int mergeVisible(SeriesKey series, String field, long ts, MemoryEntry e) {
        if (tombstones.hides(series, ts, e.version())) {
            return NOT_STORED;
        }
        MemorySeries s = data.get(series);
        int created = 0;
        if (s == null) {
            s = new MemorySeries(series);
            data.put(series, s);
            index.seriesAdded(series);
            created = 1;
        }
        s.merge(field, ts, e, false);
        return created;
    }

    @Override
    public synchronized void delete(Tombstone tombstone) {
        guard();
        addTombstone(tombstone);
        touch();
    }

    /** Adds a tombstone, removes what it hides; false if it was known. */
    boolean addTombstone(Tombstone t) {
        if (tombstones.contains(t)) {
            return false;
        }
        tombstones = tombstones.with(t);
        data.values().removeIf(s -> {
            if (!t.appliesTo(s.key)) {
                return false;
            }
            s.removeHidden(tombstones.forSeries(s.key));
            if (s.isEmpty()) {
                index.seriesRemoved(s.key);
                return true;
            }
            return false;
        });
        index.types.keySet().removeIf(m -> (t.measurement() == null || t.measurement().equals(m))
                && index.series(m, TagPredicate.all()).isEmpty());
        return true;
    }

    @Override
    public synchronized List<String> measurements(TagPredicate predicate) {
        guard();
        return index.measurements(predicate);
    }

    @Override
    public synchronized List<SeriesKey> series(String measurement, TagPredicate predicate) {
        guard();
        return index.series(measurement, predicate);
    }

    @Override
    public synchronized List<String> tagKeys(String measurement, TagPredicate predicate) {
        guard();
        return index.tagKeys(measurement, predicate);
    }

    @Override
    public synchronized List<String> tagValues(String measurement, String tagKey, TagPredicate predicate) {
        guard();
        return index.tagValues(measurement, tagKey, predicate);
    }

    @Override
    public synchronized Map<String, FieldType> fieldTypes(String measurement) {
        guard();
        return index.fieldTypes(measurement);
    }

    @Override
    public CloseableIterator<Row> scan(ScanRequest request) {
        guardLocked();
        return new MemoryRowIterator(this, request);
    }

    @Override
    public FieldBlockCursor scanField(FieldScanRequest request) {
        guardLocked();
        return new MemoryFieldCursor(this, request);
    }

    @Override
    public synchronized Digest digest(long versionCutoff) {
        guard();
        return MemoryAntiEntropy.digest(this, versionCutoff);
    }

    @Override
    public synchronized RowDigest rowDigest(List<SeriesRange> ranges, long versionCutoff, long resolutionNanos) {
        guard();
        return MemoryAntiEntropy.rowDigest(this, ranges, versionCutoff, resolutionNanos);
    }

    @Override
    public synchronized Patch exportPatch(List<SeriesRange> ranges, boolean withTombstones) {
        guard();
        return MemoryAntiEntropy.exportPatch(this, ranges, withTombstones);
    }

    @Override
    public synchronized PatchResult applyPatch(Patch patch) {
        guard();
        PatchResult r = MemoryAntiEntropy.apply(this, patch, clock.wallMillis() - config.tombstoneGracePeriod().toMillis());
        if (r.merged() > 0 || r.tombstonesAdded() > 0) {
            touch();
        }
        return r;
    }

    @Override
    public synchronized ShardSnapshot snapshot() {
        guard();
        return new MemorySnapshot(id, MemoryAntiEntropy.exportPatch(this, null, true).toBytes());
    }

    /** Applies a whole-shard patch from a snapshot, keeping old tombstones too. */
    synchronized void ingest(Patch patch) {
        MemoryAntiEntropy.apply(this, patch, Long.MIN_VALUE);
        touch();
    }

    @Override
    public synchronized long exportLineProtocol(TimeRange range, Writer out) {
        guard();
        return MemoryAntiEntropy.export(this, range, out);
    }

    @Override
    public synchronized ShardStats stats() {
        guard();
        long points = 0;
        long values = 0;
        for (MemorySeries s : data.values()) {
            points += s.rows();
            values += s.values();
        }
        return new ShardStats(data.size(), points, values, 0, lastModified);
    }

    @Override
    public synchronized long lastModified() {
        guard();
        return lastModified;
    }

    @Override
    public long sizeBytes() {
        return 0;
    }

    @Override
    public synchronized void compact() {
        guard();
        long cutoff = clock.wallMillis() - config.tombstoneGracePeriod().toMillis();
        tombstones = tombstones.without(tombstones.olderThan(cutoff));
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void touch() {
        lastModified = Math.max(lastModified + 1, clock.wallNanos());
    }

    private synchronized void guardLocked() {
        guard();
    }

    void guard() {
        if (closed) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, id + " is closed");
        }
    }
}
