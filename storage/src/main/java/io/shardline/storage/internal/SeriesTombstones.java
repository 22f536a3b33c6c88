package io.shardline.storage.internal;

import io.shardline.storage.Tombstone;
import java.util.List;

/**
 * The tombstones that apply to one series, flattened for fast per-value checks on scans. Immutable.
 */
public final class SeriesTombstones {

    /** No tombstone applies. */
    public static final SeriesTombstones NONE = new SeriesTombstones(List.of());

    private final long[] min;
    private final long[] max;
    private final long[] version;

    SeriesTombstones(List<Tombstone> applicable) {
        int n = applicable.size();
        min = new long[n];
        max = new long[n];
        version = new long[n];
        for (int i = 0; i < n; i++) {
            Tombstone t = applicable.get(i);
            min[i] = t.minTime();
            max[i] = t.maxTime();
            version[i] = t.version();
        }
    }

    public boolean isEmpty() {
        return min.length == 0;
    }

    /** Whether a value at {@code ts} with version {@code v} is hidden. */
    public boolean hides(long ts, long v) {
        for (int i = 0; i < min.length; i++) {
            if (ts >= min[i] && ts <= max[i] && v <= version[i]) {
                return true;
            }
        }
        return false;
    }

    /** Whether some tombstone could hide a value in {@code [from, to]}. */
    public boolean touches(long from, long to) {
        for (int i = 0; i < min.length; i++) {
            if (from <= max[i] && to >= min[i]) {
                return true;
            }
        }
        return false;
    }

    /** Removes hidden values from {@code c} in place. */
    public void filter(Column c) {
        if (isEmpty()) {
            return;
        }
        int k = 0;
        for (int i = 0; i < c.size; i++) {
            if (!hides(c.ts[i], c.versions[i])) {
                if (k != i) {
                    c.ts[k] = c.ts[i];
                    c.versions[k] = c.versions[i];
                    c.bits[k] = c.bits[i];
                    if (c.strings != null) {
                        c.strings[k] = c.strings[i];
                    }
                }
                k++;
            }
        }
        c.size = k;
    }
}
