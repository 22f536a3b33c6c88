package io.shardline.storage.digest;

import io.shardline.storage.SeriesRange;
import java.util.Arrays;
import java.util.Objects;

/**
 * The row hashes of one requested range: ascending timestamps, each with the sum of the hashes of
 * the values at that timestamp. Immutable (arrays are never handed out).
 */
public final class SeriesRows {

    private final SeriesRange range;
    private final long[] timestamps;
    private final long[] hashes;

    /** Takes ownership of the arrays. */
    public SeriesRows(SeriesRange range, long[] timestamps, long[] hashes) {
        this.range = Objects.requireNonNull(range, "range");
        if (timestamps.length != hashes.length) {
            throw new IllegalArgumentException("row arrays differ in length");
        }
        for (int i = 1; i < timestamps.length; i++) {
            if (timestamps[i] <= timestamps[i - 1]) {
                throw new IllegalArgumentException("row timestamps not ascending");
            }
        }
        this.timestamps = timestamps;
        this.hashes = hashes;
    }

    public SeriesRange range() {
        return range;
    }

    public int size() {
        return timestamps.length;
    }

    public long timestamp(int i) {
        return timestamps[i];
    }

    public long hash(int i) {
        return hashes[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesRows r && range.equals(r.range) && Arrays.equals(timestamps, r.timestamps)
                && Arrays.equals(hashes, r.hashes);
    }

    @Override
    public int hashCode() {
        return range.hashCode() * 31 + Arrays.hashCode(hashes);
    }
}
