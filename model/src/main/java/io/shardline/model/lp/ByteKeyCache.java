package io.shardline.model.lp;

import java.util.Arrays;

/**
 * A bounded open-addressing map from byte ranges to values, used by the parser to skip work for
 * keys it has seen. Linear probing at a load factor of at most one half; when full it starts over
 * empty, so memory stays bounded (slots times the longest cached key). Not thread-safe.
 */
final class ByteKeyCache<V> {

    private final int mask;
    private final int maxEntries;
    private final int maxKeyLength;
    private final byte[][] keys;
    private final Object[] values;
    private int size;

    ByteKeyCache(int slots, int maxKeyLength) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two");
        }
        this.mask = slots - 1;
        this.maxEntries = slots / 2;
        this.maxKeyLength = maxKeyLength;
        this.keys = new byte[slots][];
        this.values = new Object[slots];
    }

    /** True when keys of this length are cached at all. */
    boolean accepts(int length) {
        return length <= maxKeyLength;
    }

    /** The value for {@code b[s, e)} with hash {@code hash}, or null. */
    @SuppressWarnings("unchecked")
    V get(byte[] b, int s, int e, int hash) {
        for (int slot = hash & mask;; slot = (slot + 1) & mask) {
            byte[] k = keys[slot];
            if (k == null) {
                return null;
            }
            if (Arrays.equals(k, 0, k.length, b, s, e)) {
                return (V) values[slot];
            }
        }
    }

    /** Adds {@code b[s, e)}, which must not be present; clears everything first when full. */
    void put(byte[] b, int s, int e, int hash, V value) {
        if (!accepts(e - s)) {
            return;
        }
        if (size >= maxEntries) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            size = 0;
        }
        int slot = hash & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = Arrays.copyOfRange(b, s, e);
        values[slot] = value;
        size++;
    }
}
