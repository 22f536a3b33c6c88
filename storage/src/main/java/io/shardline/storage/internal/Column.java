package io.shardline.storage.internal;

import io.shardline.model.FieldType;
import java.util.Arrays;

/**
 * The values of one field in growable parallel arrays: timestamps, versions, bits (non-strings) and
 * strings (strings only). The exchange shape between block decoding, merging, digests, patches and
 * scans. Mutable and not thread-safe: owned by one reader or writer at a time.
 */
public final class Column {

    public int fieldId;
    public String field;
    public FieldType type;
    public int size;
    public long[] ts;
    public long[] versions;
    public long[] bits;
    public String[] strings;

    public Column(int capacity) {
        int c = Math.max(4, capacity);
        ts = new long[c];
        versions = new long[c];
        bits = new long[c];
    }

    /** Empties the column and sets what it holds. */
    public Column reset(int newFieldId, String newField, FieldType newType) {
        this.fieldId = newFieldId;
        this.field = newField;
        this.type = newType;
        this.size = 0;
        if (newType == FieldType.STRING && strings == null) {
            strings = new String[ts.length];
        }
        return this;
    }

    /** Makes room for {@code n} values in total. */
    public void ensure(int n) {
        if (n > ts.length) {
            int c = Math.max(n, ts.length * 2);
            ts = Arrays.copyOf(ts, c);
            versions = Arrays.copyOf(versions, c);
            bits = Arrays.copyOf(bits, c);
            if (strings != null) {
                strings = Arrays.copyOf(strings, c);
            }
        }
        if (type == FieldType.STRING && (strings == null || strings.length < ts.length)) {
            strings = strings == null ? new String[ts.length] : Arrays.copyOf(strings, ts.length);
        }
    }

    /** Appends one value. */
    public void add(long timestamp, long version, long valueBits, String string) {
        ensure(size + 1);
        ts[size] = timestamp;
        versions[size] = version;
        bits[size] = valueBits;
        if (type == FieldType.STRING) {
            strings[size] = string;
        }
        size++;
    }

    /**
     * Appends values {@code [from, from + n)} of the parallel arrays {@code times}, {@code vers},
     * {@code valueBits} and (for a string column) {@code valueStrings} in one copy per array.
     */
    public void addRange(long[] times, long[] vers, long[] valueBits, String[] valueStrings, int from, int n) {
        ensure(size + n);
        System.arraycopy(times, from, ts, size, n);
        System.arraycopy(vers, from, versions, size, n);
        System.arraycopy(valueBits, from, bits, size, n);
        if (type == FieldType.STRING) {
            System.arraycopy(valueStrings, from, strings, size, n);
        }
        size += n;
    }

    /** Copies value {@code i} of {@code other} to the end. */
    public void addFrom(Column other, int i) {
        add(other.ts[i], other.versions[i], other.bits[i], other.string(i));
    }

    /** The string at {@code i}, or null for other types. */
    public String string(int i) {
        return type == FieldType.STRING ? strings[i] : null;
    }

    /** Whether the timestamps are strictly ascending. */
    public boolean strictlyAscending() {
        for (int i = 1; i < size; i++) {
            if (ts[i] <= ts[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Keeps only the first ({@code newest} false) or the last value, moved to index 0; an empty
     * column stays empty. What a first/last-only scan delivers of a block.
     */
    public void keepEnd(boolean newest) {
        if (size > 1 && newest) {
            int i = size - 1;
            ts[0] = ts[i];
            versions[0] = versions[i];
            bits[0] = bits[i];
            if (strings != null) {
                strings[0] = strings[i];
            }
        }
        size = Math.min(size, 1);
    }
}
