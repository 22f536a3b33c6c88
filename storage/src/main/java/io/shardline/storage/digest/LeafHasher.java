package io.shardline.storage.digest;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.storage.internal.FieldTypeCodes;
import java.util.Arrays;

/**
 * Folds the visible values of one (series, bucket) into a {@link LeafSummary} and into per-timestamp
 * row hashes. Columns (one field each, ascending unique timestamps) may come in any order. Reusable
 * and not thread-safe: one per digest build.
 */
public final class LeafHasher {

    private long seriesHash;
    private long cutoff = Long.MAX_VALUE;
    private long[] rowTs = new long[64];
    private long[] rowHash = new long[64];
    private int rows;
    private long[] mergeTs = new long[64];
    private long[] mergeHash = new long[64];
    private long values;
    private long maxVersion;

    /** Starts a leaf of {@code series}; values with a version at or above {@code versionCutoff} are left out. */
    public void begin(SeriesKey series, long versionCutoff) {
        begin(EntryHash.series(series), versionCutoff);
    }

    /** As {@link #begin(SeriesKey, long)} with a precomputed series hash. */
    public void begin(long seriesHashValue, long versionCutoff) {
        this.seriesHash = seriesHashValue;
        this.cutoff = versionCutoff;
        this.rows = 0;
        this.values = 0;
        this.maxVersion = Long.MIN_VALUE;
    }

    /**
     * Adds one field's values {@code [0, n)}: ascending unique timestamps with their versions and
     * values ({@code bits} for non-strings, {@code strings} for strings).
     */
    public void addColumn(String field, FieldType type, int n, long[] ts, long[] versions, long[] bits,
            String[] strings) {
        long fieldHash = EntryHash.field(field);
        int typeCode = FieldTypeCodes.code(type);
        ensureMerge(rows + n);
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < rows || j < n) {
            if (j < n && versions[j] >= cutoff) {
                j++;
                continue;
            }
            if (j >= n || (i < rows && rowTs[i] < ts[j])) {
                mergeTs[k] = rowTs[i];
                mergeHash[k++] = rowHash[i++];
                continue;
            }
            long h = EntryHash.entry(seriesHash, fieldHash, ts[j], typeCode,
                    EntryHash.value(type, type == FieldType.STRING ? 0 : bits[j], strings == null ? null : strings[j]),
                    versions[j]);
            values++;
            maxVersion = Math.max(maxVersion, versions[j]);
            if (i < rows && rowTs[i] == ts[j]) {
                mergeTs[k] = ts[j];
                mergeHash[k++] = rowHash[i++] + h;
            } else {
                mergeTs[k] = ts[j];
                mergeHash[k++] = h;
            }
            j++;
        }
        swap();
        rows = k;
    }

    /** The leaf so far. */
    public LeafSummary finish() {
        long sum = 0;
        for (int i = 0; i < rows; i++) {
            sum += rowHash[i];
        }
        return values == 0 ? LeafSummary.EMPTY : new LeafSummary(sum, values, rows, maxVersion);
    }

    /** Number of distinct timestamps so far. */
    public int rowCount() {
        return rows;
    }

    /** Timestamps of the rows, valid in {@code [0, rowCount())}. */
    public long[] rowTimestamps() {
        return rowTs;
    }

    /** Row hashes (sum of the row's value hashes), valid in {@code [0, rowCount())}. */
    public long[] rowHashes() {
        return rowHash;
    }

    private void ensureMerge(int n) {
        if (mergeTs.length < n) {
            int size = Math.max(n, mergeTs.length * 2);
            mergeTs = Arrays.copyOf(mergeTs, size);
            mergeHash = Arrays.copyOf(mergeHash, size);
        }
    }

    private void swap() {
        long[] t = rowTs;
        rowTs = mergeTs;
        mergeTs = t;
        long[] h = rowHash;
        rowHash = mergeHash;
        mergeHash = h;
    }
}
