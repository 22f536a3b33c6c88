package io.shardline.storage.rocks;

import io.shardline.model.SeriesKey;
import io.shardline.storage.internal.SeriesKeyCodec;
import io.shardline.storage.rocks.RocksResources.IdCacheKey;
import io.shardline.storage.rocks.RocksResources.SeriesCacheKey;
import io.shardline.storage.rocks.RocksResources.SeriesRef;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Series ids and liveness of one shard: lookups through the node's bounded series caches, and the
 * index entries a write batch adds when a series is created, becomes live (holds a visible value)
 * or dies (everything deleted). A write request reads it through a {@link SeriesLookup} (one batched
 * read per request). Mutations happen under the store's write lock; lookups are thread-safe.
 */
final class SeriesIndex {

    private static final byte[] EMPTY = new byte[0];
    /** Above this many ids {@link #keys} reads the index with an iterator instead of the cache. */
    static final int BULK_KEYS = 64;

    private final ShardDb db;
    private final RocksResources res;
    private final long instance;
    final IndexQueries queries;
    private final Map<String, Long> tagValueCounts = new ConcurrentHashMap<>();
    volatile int nextSeriesId;
    volatile long liveSeries;
    // The 'm' and 't' key prefixes of the last series made live (measurement, i-th tag key), under the write
    // lock: a load of new series of one schema then encodes only each series' tag values and id.
    private String prefixMeasurement;
    private byte[] livePrefix;
    private String[] prefixTagKeys = new String[0];
    private byte[][] tagPrefixes = new byte[0][];

    SeriesIndex(ShardDb db, RocksResources res, long instance, int nextSeriesId, long liveSeries) {
        this.db = db;
        this.res = res;
        this.instance = instance;
        this.queries = new IndexQueries(db);
        this.nextSeriesId = nextSeriesId;
        this.liveSeries = liveSeries;
    }

    /** The id and liveness of {@code s}, or null if the shard never saw it. */
    SeriesRef ref(SeriesKey s) {
        SeriesRef ref = cached(s);
        if (ref != null) {
            return ref;
        }
        byte[] v = get(Keys.seriesByKey(s));
        return v == null ? null : remember(s, v);
    }

    /** The cached id and liveness of {@code s}, or null if not cached. */
    SeriesRef cached(SeriesKey s) {
        return res.seriesIds.getIfPresent(new SeriesCacheKey(instance, s));
    }

    /** The stored {@code k} values of {@code series} (null where absent), in one batched read. */
    List<byte[]> readRefs(List<SeriesKey> series) {
        try {
            return SeriesLookup.multiGet(db, series);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap(e, db.id, db.dir, "index lookup");
        }
    }

    /** Caches and returns the series ref stored as {@code value}. */
    SeriesRef remember(SeriesKey s, byte[] value) {
        SeriesRef ref = new SeriesRef(Keys.readInt(value, 0), value[4] != 0);
        res.seriesIds.put(new SeriesCacheKey(instance, s), ref);
        return ref;
    }

    ShardDb db() {
        return db;
    }

    /** The series of {@code id}. */
    SeriesKey key(int id) {
        IdCacheKey key = new IdCacheKey(instance, id);
        SeriesKey s = res.seriesKeys.getIfPresent(key);
        if (s == null) {
            byte[] v = get(Keys.seriesById(id));
            if (v == null) {
                throw new IllegalStateException(db.id + ": series id " + id + " has no key");
            }
            s = SeriesKeyCodec.decode(v);
            res.seriesKeys.put(key, s);
        }
        return s;
    }

    /**
     * The series of {@code ids} (ascending), in that order. Up to {@link #BULK_KEYS} ids go through the series
     * cache like {@link #key}; more are read with one iterator over the index's id entries (a step instead of a
     * point lookup where ids follow each other) and are not cached, so a query over a whole measurement neither
     * pays a cache insertion per series nor evicts the entries the write path uses.
     */
    SeriesKey[] keys(int[] ids) {
        SeriesKey[] out = new SeriesKey[ids.length];
        if (ids.length <= BULK_KEYS) {
            for (int i = 0; i < ids.length; i++) {
                out[i] = key(ids[i]);
            }
            return out;
        }
        byte[] want = Keys.seriesById(0);
        SeriesKeyCodec.Decoder decoder = new SeriesKeyCodec.Decoder();
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.db.newIterator(db.index, ro)) {
            boolean positioned = false;
            for (int i = 0; i < ids.length; i++) {
                Keys.writeInt(want, 1, ids[i]);
                if (positioned) {
                    it.next();
                }
                if (!positioned || !it.isValid() || !Arrays.equals(it.key(), want)) {
                    it.seek(want);
                }
                if (!it.isValid() || !Arrays.equals(it.key(), want)) {
                    throw new IllegalStateException(db.id + ": series id " + ids[i] + " has no key");
                }
                out[i] = decoder.decode(it.value());
                positioned = true;
            }
        }
        return out;
    }

    /**
     * The positions of {@code ids} (ascending, all of {@code measurement}) in series key order, from one pass over
     * the index's key entries ('k', which RocksDB keeps in key order) under the measurement's name: the order
     * without comparing keys. Null when it would cost more than sorting (the pass reads every series of the name,
     * so it is taken only when {@code n log n} reaches the shard's live series) or when an id is not found there
     * (the series was purged since); the caller then sorts.
     */
    int[] keyOrder(String measurement, int[] ids) {
        int n = ids.length;
        if (n <= BULK_KEYS || (long) n * (32 - Integer.numberOfLeadingZeros(n)) < liveSeries) {
            return null;
        }
        // 'k' + the measurement's key: a prefix of its series' keys (and of other names that extend it, whose
        // ids are not among ids)
        byte[] prefix = Keys.seriesByKey(SeriesKey.of(measurement));
        int[] order = new int[n];
        int found = 0;
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.db.newIterator(db.index, ro)) {
            for (it.seek(prefix); it.isValid() && Keys.startsWith(it.key(), prefix); it.next()) {
                int pos = Arrays.binarySearch(ids, Keys.readInt(it.value(), 0));
                if (pos >= 0) {
                    if (found == n) {
                        return null;
                    }
                    order[found++] = pos;
                }
            }
        }
        return found == n ? order : null;
    }

    /**
     * Adds {@code s} to {@code puts} (the caller's write batch adds them before it commits) as a new live
     * series (the caller stores a visible value in it): its 'k', 's', 'm' and 't' entries, each written once.
     * No 'a' entry: a live series is found through 'm', and {@link #makeDead} writes the 'a' entry when the
     * series dies.
     */
    SeriesRef createLive(SeriesKey s, IndexPuts puts, SeriesLookup lookup, Set<String> newValues) {
        int id = nextSeriesId++;
        puts.put(IndexPuts.SERIES_BY_ID, Keys.seriesById(id), SeriesKeyCodec.encode(s));
        return live(id, s, puts, lookup, newValues, false);
    }

    /**
     * Makes series {@code id} live in {@code puts}; {@code newValues} collects the tag values this
     * batch adds (for the cached per-key value counts of {@code max-values-per-tag}).
     */
    SeriesRef makeLive(int id, SeriesKey s, IndexPuts puts, SeriesLookup lookup, Set<String> newValues) {
        return live(id, s, puts, lookup, newValues, true);
    }

    /**
     * A series enters the node cache when a later request looks it up, not when it is created: a load
     * of series written once (request ids, short-lived pods) would otherwise fill and churn the cache
     * with entries nobody reads, and the batched read of the next request finds a new series in the
     * memtable anyway. A revived series was cached as dead, so its entry is replaced.
     */
    private SeriesRef live(int id, SeriesKey s, IndexPuts puts, SeriesLookup lookup, Set<String> newValues,
            boolean cache) {
        puts.put(IndexPuts.SERIES_BY_KEY, Keys.seriesByKey(s), refValue(id, true));
        puts.put(IndexPuts.LIVE_SERIES, Keys.withId(livePrefix(s.measurement()), null, id), EMPTY);
        for (int i = 0; i < s.tagCount(); i++) {
            if (!tagValueCounts.isEmpty()) {
                countNewValue(s, i, lookup, newValues);
            }
            puts.put(IndexPuts.tag(i), Keys.withId(tagPrefix(s.measurement(), i, s.tagKey(i)), s.tagValue(i), id),
                    EMPTY);
        }
        liveSeries++;
        SeriesRef ref = new SeriesRef(id, true);
        if (cache) {
            res.seriesIds.put(new SeriesCacheKey(instance, s), ref);
        }
        lookup.update(s, ref);
        return ref;
    }

    /** The 'm' prefix of {@code measurement}, remembered with the 't' prefixes while series of it follow. */
    private byte[] livePrefix(String measurement) {
        if (!measurement.equals(prefixMeasurement)) {
            livePrefix = Keys.measurementPrefix(Keys.LIVE_SERIES, measurement);
            prefixMeasurement = measurement;
            Arrays.fill(prefixTagKeys, null);
        }
        return livePrefix;
    }

    /** The 't' prefix of the {@code i}-th tag key of a series of {@code measurement}; after {@link #livePrefix}. */
    private byte[] tagPrefix(String measurement, int i, String tagKey) {
        if (i >= prefixTagKeys.length) {
            int n = Math.max(i + 1, 2 * prefixTagKeys.length);
            prefixTagKeys = Arrays.copyOf(prefixTagKeys, n);
            tagPrefixes = Arrays.copyOf(tagPrefixes, n);
        }
        if (!tagKey.equals(prefixTagKeys[i])) {
            tagPrefixes[i] = Keys.tagPrefix(measurement, tagKey);
            prefixTagKeys[i] = tagKey;
        }
        return tagPrefixes[i];
    }

    /** Counts tag {@code i} of {@code s} if its value is new and its key's count is cached (max-values-per-tag). */
    private void countNewValue(SeriesKey s, int i, SeriesLookup lookup, Set<String> newValues) {
        String countKey = countKey(s.measurement(), s.tagKey(i));
        if (tagValueCounts.containsKey(countKey)
                && !lookup.hasTagValue(s.measurement(), s.tagKey(i), s.tagValue(i))
                && newValues.add(countKey + '\0' + s.tagValue(i))) {
            tagValueCounts.merge(countKey, 1L, Long::sum);
        }
    }

    /**
     * Removes {@code s} from the live index in {@code batch} and records it among the dead series of its
     * measurement ('a'), where tombstones and their purge still find it.
     */
    void makeDead(int id, SeriesKey s, WriteBatch batch) throws RocksDBException {
        batch.put(db.index, Keys.seriesByKey(s), refValue(id, false));
        batch.put(db.index, Keys.measurementSeries(Keys.ALL_SERIES, s.measurement(), id), EMPTY);
        batch.delete(db.index, Keys.measurementSeries(Keys.LIVE_SERIES, s.measurement(), id));
        for (int i = 0; i < s.tagCount(); i++) {
            batch.delete(db.index, Keys.tag(s.measurement(), s.tagKey(i), s.tagValue(i), id));
            tagValueCounts.remove(countKey(s.measurement(), s.tagKey(i)));
        }
        liveSeries--;
        res.seriesIds.put(new SeriesCacheKey(instance, s), new SeriesRef(id, false));
    }

    /** Forgets cached state after a failed batch. */
    void forgetCached() {
        res.invalidate(instance);
        tagValueCounts.clear();
    }

    /** Distinct values of {@code tagKey} among live series of {@code measurement} (cached per key). */
    long tagValueCount(String measurement, String tagKey) {
        return tagValueCounts.computeIfAbsent(countKey(measurement, tagKey),
                k -> queries.countTagValues(measurement, tagKey));
    }

    private static String countKey(String measurement, String tagKey) {
        return measurement + '\0' + tagKey;
    }

    private static byte[] refValue(int id, boolean live) {
        byte[] v = new byte[5];
        Keys.writeInt(v, 0, id);
        v[4] = (byte) (live ? 1 : 0);
        return v;
    }

    private byte[] get(byte[] key) {
        try {
            return db.db.get(db.index, key);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap(e, db.id, db.dir, "index lookup");
        }
    }
}
