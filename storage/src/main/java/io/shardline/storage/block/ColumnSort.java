package io.shardline.storage.block;

import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.EntryOrder;
import io.shardline.storage.internal.FieldTypeCodes;

/**
 * Sorts a column by timestamp in place, keeping for each timestamp only the value that wins by
 * {@link EntryOrder} (so the result does not depend on the order values were added). Stateless.
 */
public final class ColumnSort {

    private ColumnSort() {
    }

    /** Sorts by timestamp; of equal timestamps the {@link EntryOrder} winner survives. */
    public static void sortResolve(Column c) {
        int n = c.size;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> c.ts[a] != c.ts[b] ? Long.compare(c.ts[a], c.ts[b]) : compare(c, a, b));
        long[] ts = new long[n];
        long[] versions = new long[n];
        long[] bits = new long[n];
        String[] strings = c.strings == null ? null : new String[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int src = idx[i];
            if (i + 1 < n && c.ts[idx[i + 1]] == c.ts[src]) {
                continue;
            }
            ts[k] = c.ts[src];
            versions[k] = c.versions[src];
            bits[k] = c.bits[src];
            if (strings != null) {
                strings[k] = c.strings[src];
            }
            k++;
        }
        System.arraycopy(ts, 0, c.ts, 0, k);
        System.arraycopy(versions, 0, c.versions, 0, k);
        System.arraycopy(bits, 0, c.bits, 0, k);
        if (strings != null) {
            System.arraycopy(strings, 0, c.strings, 0, k);
        }
        c.size = k;
    }

    private static int compare(Column c, int a, int b) {
        int code = FieldTypeCodes.code(c.type);
        return EntryOrder.compare(c.versions[a], code, c.bits[a], c.string(a), c.versions[b], code, c.bits[b],
                c.string(b));
    }
}
