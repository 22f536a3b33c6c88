package io.shardline.storage.digest;

import io.shardline.storage.SeriesRange;
import java.util.List;

/**
 * What differs between two digests: the (series, bucket) ranges whose leaves differ or exist on one
 * side only, and whether the tombstone sets differ. Immutable.
 */
public record DiffResult(List<SeriesRange> buckets, boolean tombstonesDiffer) {

    public DiffResult {
        buckets = List.copyOf(buckets);
    }

    /** Whether the digests are equal. */
    public boolean isEmpty() {
        return buckets.isEmpty() && !tombstonesDiffer;
    }
}
