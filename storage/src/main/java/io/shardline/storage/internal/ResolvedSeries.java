package io.shardline.storage.internal;

import io.shardline.model.SeriesKey;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The answer of a store's {@code series(measurement, predicate)}: the keys in key-byte order, each with the id the
 * store's index resolved it from. A cursor of the same index given this list seeks each series by that id instead
 * of looking every key up again; scan requests keep it as it is (it is immutable), so the ids reach the cursor.
 */
public final class ResolvedSeries extends AbstractList<SeriesKey> implements RandomAccess {

    /** The index that resolved the ids (compared by identity, never used otherwise). */
    private final Object index;
    private final String measurement;
    private final SeriesKey[] keys;
    private final int[] ids;

    private ResolvedSeries(Object index, String measurement, SeriesKey[] keys, int[] ids) {
        this.index = index;
        this.measurement = measurement;
        this.keys = keys;
        this.ids = ids;
    }

    /** The series of {@code measurement} with {@code ids} ({@code keys[i]} has {@code ids[i]}), sorted by key. */
    public static ResolvedSeries sorted(Object index, String measurement, SeriesKey[] keys, int[] ids) {
        if (!isSorted(keys)) {
            Integer[] order = new Integer[keys.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> keys[a].compareBytes(keys[b]));
            return ordered(index, measurement, keys, ids, Arrays.stream(order).mapToInt(Integer::intValue).toArray());
        }
        return new ResolvedSeries(index, measurement, keys, ids);
    }

    /**
     * The series of {@code measurement} with {@code ids} ({@code keys[i]} has {@code ids[i]}) in the order
     * {@code order} gives (positions into both, already in key order).
     */
    public static ResolvedSeries ordered(Object index, String measurement, SeriesKey[] keys, int[] ids, int[] order) {
        SeriesKey[] k = new SeriesKey[order.length];
        int[] d = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            k[i] = keys[order[i]];
            d[i] = ids[order[i]];
        }
        return new ResolvedSeries(index, measurement, k, d);
    }

    private static boolean isSorted(SeriesKey[] keys) {
        for (int i = 1; i < keys.length; i++) {
            if (keys[i - 1].compareBytes(keys[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The ids of {@code wanted} when it is this shard index's answer for {@code measurement} (so each
     * {@code wanted.get(i)} has id {@code ids[i]}); null otherwise.
     */
    public static int[] idsOf(List<SeriesKey> wanted, Object index, String measurement) {
        return wanted instanceof ResolvedSeries r && r.index == index && r.measurement.equals(measurement)
                ? r.ids : null;
    }

    @Override
    public SeriesKey get(int i) {
        return keys[i];
    }

    @Override
    public int size() {
        return keys.length;
    }
}
