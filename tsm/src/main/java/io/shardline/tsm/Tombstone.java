package io.shardline.tsm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A deletion recorded next to a TSM file: the values of {@code key} with {@code min <= time <= max}
 * in that file are gone. Immutable (the key array is not copied; do not modify it).
 */
public record Tombstone(byte[] key, long min, long max) {

    /** Whether this tombstone deletes a value of its key at {@code t}. */
    public boolean covers(long t) {
        return min <= t && t <= max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tombstone t && Arrays.equals(key, t.key) && min == t.min && max == t.max;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Long.hashCode(min ^ max);
    }

    @Override
    public String toString() {
        return "Tombstone[" + new String(key, StandardCharsets.UTF_8) + " " + min + ".." + max + "]";
    }
}
