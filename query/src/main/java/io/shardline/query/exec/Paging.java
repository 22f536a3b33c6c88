package io.shardline.query.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** LIMIT/OFFSET and SLIMIT/SOFFSET: skip {@code offset} items, then keep at most {@code limit} (0 = all). */
final class Paging {

    private Paging() {
    }

    static <T> List<T> page(List<T> items, int limit, int offset) {
        int from = Math.min(Math.max(offset, 0), items.size());
        int to = limit > 0 ? (int) Math.min((long) from + limit, items.size()) : items.size();
        return items.subList(from, to);
    }

    /**
     * The output series in 1.x's order: by name and tags, SLIMIT/SOFFSET applied in that order, then reversed for
     * ORDER BY time DESC.
     */
    static <K, V> List<Map.Entry<K, V>> seriesOrder(Map<K, V> byKey, boolean ascending, int slimit, int soffset) {
        return seriesOrder(new ArrayList<>(byKey.entrySet()), ascending, slimit, soffset);
    }

    /** {@link #seriesOrder(Map, boolean, int, int)} of entries already in key order. */
    static <K, V> List<Map.Entry<K, V>> seriesOrder(List<Map.Entry<K, V>> sorted, boolean ascending, int slimit,
            int soffset) {
        List<Map.Entry<K, V>> out = new ArrayList<>(page(sorted, slimit, soffset));
        if (!ascending) {
            Collections.reverse(out);
        }
        return out;
    }
}
