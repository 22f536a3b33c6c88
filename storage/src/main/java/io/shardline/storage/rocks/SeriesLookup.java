package io.shardline.storage.rocks;

import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import io.shardline.storage.internal.SeriesAdmission;
import io.shardline.storage.rocks.RocksResources.SeriesRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The series index as one write request sees it: the request's distinct series are resolved up
 * front (node cache first, then one {@code multiGet} for all misses), answers including "never
 * seen" are remembered for the request, and tag-value existence (only asked while
 * {@code max-values-per-tag} is on) is checked with one iterator for the whole request. Not
 * thread-safe: one per request, used and closed under the store's write lock, so the index cannot
 * change under it except through this request.
 */
final class SeriesLookup implements SeriesAdmission.LiveIndex, AutoCloseable {

    private static final SeriesRef ABSENT = new SeriesRef(-1, false);

    private final SeriesIndex index;
    private final Map<SeriesKey, SeriesRef> refs = new HashMap<>();
    private final Map<String, Boolean> tagValues = new HashMap<>();
    private ReadOptions readOptions;
    private RocksIterator tagIterator;

    SeriesLookup(SeriesIndex index) {
        this.index = index;
    }

    /** Resolves the distinct series of {@code points} with at most one batched index read. */
    void prefetch(List<Point> points) {
        List<SeriesKey> misses = new ArrayList<>();
        for (Point p : points) {
            SeriesKey s = p.series();
            if (!refs.containsKey(s)) {
                SeriesRef cached = index.cached(s);
                refs.put(s, cached == null ? ABSENT : cached);
                if (cached == null) {
                    misses.add(s);
                }
            }
        }
        if (misses.isEmpty()) {
            return;
        }
        List<byte[]> found = index.readRefs(misses);
        for (int i = 0; i < misses.size(); i++) {
            byte[] v = found.get(i);
            if (v != null) {
                refs.put(misses.get(i), index.remember(misses.get(i), v));
            }
        }
    }

    /** The id and liveness of {@code s} as of this request, or null if the shard never saw it. */
    SeriesRef ref(SeriesKey s) {
        SeriesRef r = refs.get(s);
        if (r == null) {
            r = index.ref(s);
            refs.put(s, r == null ? ABSENT : r);
        }
        return r == ABSENT ? null : r;
    }

    /** Records what this request did to {@code s}. */
    void update(SeriesKey s, SeriesRef ref) {
        refs.put(s, ref);
    }

    @Override
    public boolean isLive(SeriesKey series) {
        SeriesRef r = ref(series);
        return r != null && r.live();
    }

    @Override
    public long liveSeries() {
        return index.liveSeries;
    }

    @Override
    public long tagValueCount(String measurement, String tagKey) {
        return index.tagValueCount(measurement, tagKey);
    }

    @Override
    public boolean hasTagValue(String measurement, String tagKey, String tagValue) {
        String key = measurement + '\0' + tagKey + '\0' + tagValue;
        Boolean known = tagValues.get(key);
        if (known == null) {
            byte[] prefix = Keys.tagValuePrefix(measurement, tagKey, tagValue);
            RocksIterator it = tagIterator();
            it.seek(prefix);
            known = it.isValid() && Keys.startsWith(it.key(), prefix);
            tagValues.put(key, known);
        }
        return known;
    }

    private RocksIterator tagIterator() {
        if (tagIterator == null) {
            readOptions = new ReadOptions();
            tagIterator = index.db().db.newIterator(index.db().index, readOptions);
        }
        return tagIterator;
    }

    @Override
    public void close() {
        if (tagIterator != null) {
            tagIterator.close();
            readOptions.close();
        }
    }

    /** One {@code multiGet} of the {@code k} entries of {@code series} in {@code db}'s index. */
    static List<byte[]> multiGet(ShardDb db, List<SeriesKey> series) throws RocksDBException {
        List<byte[]> keys = new ArrayList<>(series.size());
        for (SeriesKey s : series) {
            keys.add(Keys.seriesByKey(s));
        }
        List<ColumnFamilyHandle> cfs = Collections.nCopies(keys.size(), db.index);
        return keys.size() == 1 ? Arrays.asList(db.db.get(db.index, keys.get(0))) : db.db.multiGetAsList(cfs, keys);
    }
}
