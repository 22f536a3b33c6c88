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
     * Appends values {@code [from, to)} of the given arrays, every one with {@code version}
     * ({@code valueStrings} for a string column, else {@code valueBits}).
     */
    public void addRange(long[] times, long version, long[] valueBits, String[] valueStrings, int from, int to) {
        int n = to - from;
        ensure(size + n);
        System.arraycopy(times, from, ts, size, n);
        Arrays.fill(versions, size, size + n, version);
        if (type == FieldType.STRING) {
            System.arraycopy(valueStrings, from, strings, size, n);
            Arrays.fill(bits, size, size + n, 0);
        } else {
            System.arraycopy(valueBits, from, bits, size, n);
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
}
