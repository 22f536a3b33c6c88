package io.shardline.storage.digest;

/**
 * The digest leaf of one (series, time bucket): the sum of its value hashes, how many values and
 * distinct timestamps it holds, and the highest version among them (a leaf whose highest version is
 * below a cut-off is the same with and without the cut-off). Immutable.
 */
public record LeafSummary(long hash, long values, long rows, long maxVersion) {

    /** An empty leaf. */
    public static final LeafSummary EMPTY = new LeafSummary(0, 0, 0, Long.MIN_VALUE);

    public boolean isEmpty() {
        return values == 0;
    }
}
