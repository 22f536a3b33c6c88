package io.shardline.model;

import io.shardline.model.internal.Utf8;
import java.util.Arrays;

/**
 * The field keys of a point: non-empty, distinct, sorted by UTF-8 bytes. Points of the same shape
 * share one layout, so the parser builds it once per shape. Immutable and thread-safe.
 */
public final class FieldLayout {

    private final String[] keys;

    private FieldLayout(String[] keys) {
        this.keys = keys;
    }

    /**
     * A layout of {@code keys}, which must already be sorted and distinct (the array is copied);
     * otherwise {@link IllegalArgumentException}.
     */
    public static FieldLayout ofSorted(String... keys) {
        String[] copy = keys.clone();
        if (copy.length == 0) {
            throw new IllegalArgumentException("a point needs at least one field");
        }
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null || copy[i].isEmpty()) {
                throw new IllegalArgumentException("field keys must not be empty");
            }
            if (i > 0 && Utf8.compare(copy[i - 1], copy[i]) >= 0) {
                throw new IllegalArgumentException("field keys not sorted and distinct at " + copy[i]);
            }
        }
        return new FieldLayout(copy);
    }

    /** Number of fields. */
    public int size() {
        return keys.length;
    }

    /** The {@code i}-th key. */
    public String key(int i) {
        return keys[i];
    }

    /** Index of {@code key}, or -1. */
    public int indexOf(String key) {
        int lo = 0;
        int hi = keys.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Utf8.compare(keys[mid], key);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof FieldLayout l && Arrays.equals(keys, l.keys);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keys);
    }

    @Override
    public String toString() {
        return Arrays.toString(keys);
    }
}
