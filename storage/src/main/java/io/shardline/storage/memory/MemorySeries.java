package io.shardline.storage.memory;

import io.shardline.model.SeriesKey;
import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.SeriesTombstones;
import io.shardline.storage.internal.Utf8Order;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The values of one series in memory: per field (in key order), values by timestamp. Holds only
 * visible values: hidden ones are never stored and are removed when a tombstone arrives. Guarded by
 * the owning store's lock.
 */
final class MemorySeries {

    final SeriesKey key;
    final TreeMap<String, TreeMap<Long, MemoryEntry>> fields = new TreeMap<>(Utf8Order.STRINGS);

    MemorySeries(SeriesKey key) {
        this.key = key;
    }

    /** Stores {@code e} unless the held value beats it; {@code force} replaces unconditionally. */
    void merge(String field, long ts, MemoryEntry e, boolean force) {
        TreeMap<Long, MemoryEntry> values = fields.computeIfAbsent(field, f -> new TreeMap<>());
        MemoryEntry old = values.get(ts);
        if (force || old == null || e.beats(old)) {
            values.put(ts, e);
        }
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Removes hidden values and emptied fields. */
    void removeHidden(SeriesTombstones st) {
        if (st.isEmpty()) {
            return;
        }
        Iterator<Map.Entry<String, TreeMap<Long, MemoryEntry>>> it = fields.entrySet().iterator();
        while (it.hasNext()) {
            TreeMap<Long, MemoryEntry> values = it.next().getValue();
            values.entrySet().removeIf(e -> st.hides(e.getKey(), e.getValue().version()));
            if (values.isEmpty()) {
                it.remove();
            }
        }
    }

    /** Fills {@code c} with the values of {@code field} in {@code [min, max]}; false if the field is absent. */
    boolean column(String field, long min, long max, Column c) {
        TreeMap<Long, MemoryEntry> values = fields.get(field);
        if (values == null) {
            return false;
        }
        NavigableMap<Long, MemoryEntry> range = values.subMap(min, true, max, true);
        if (range.isEmpty()) {
            return false;
        }
        c.reset(0, field, range.firstEntry().getValue().type());
        for (Map.Entry<Long, MemoryEntry> e : range.entrySet()) {
            MemoryEntry v = e.getValue();
            c.add(e.getKey(), v.version(), v.bits(), v.string());
        }
        return true;
    }

    long values() {
        long n = 0;
        for (TreeMap<Long, MemoryEntry> v : fields.values()) {
            n += v.size();
        }
        return n;
    }

    long rows() {
        Set<Long> ts = new HashSet<>();
        for (TreeMap<Long, MemoryEntry> v : fields.values()) {
            ts.addAll(v.keySet());
        }
        return ts.size();
    }
}
