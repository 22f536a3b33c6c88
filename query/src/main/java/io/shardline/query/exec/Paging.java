package io.shardline.query.exec;

import java.util.List;

/** LIMIT/OFFSET and SLIMIT/SOFFSET: skip {@code offset} items, then keep at most {@code limit} (0 = all). */
final class Paging {

    private Paging() {
    }

    static <T> List<T> page(List<T> items, int limit, int offset) {
        int from = Math.min(Math.max(offset, 0), items.size());
        int to = limit > 0 ? (int) Math.min((long) from + limit, items.size()) : items.size();
        return items.subList(from, to);
    }
}
