package io.shardline.tsm.block;

import io.shardline.model.FieldType;
import java.util.Arrays;

/**
 * The values of one field of one series in time order, as a TSM block holds them: timestamps, and
 * per value the raw 64 bits (float bits, integer, unsigned bits, 0/1) or a string, the same
 * representation as {@code Point}. Reused from block to block; not thread-safe.
 */
public final class BlockValues {

    private FieldType type;
    private int size;
    long[] times;
    long[] bits;
    String[] strings;

    public BlockValues(int capacity) {
        int c = Math.max(16, capacity);
        times = new long[c];
        bits = new long[c];
        strings = new String[0];
    }

    /** Empties this holder for values of {@code type}. */
    public void reset(FieldType type) {
        this.type = type;
        if (strings.length > 0) {
            Arrays.fill(strings, 0, Math.min(size, strings.length), null);
        }
        size = 0;
    }

    public FieldType type() {
        return type;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return times[i];
    }

    /** The raw bits of value {@code i}; 0 for strings. */
    public long bits(int i) {
        // A decoded string block leaves the bits array as the previous block left it.
        return type == FieldType.STRING ? 0 : bits[i];
    }

    /** The string value {@code i} (string blocks only). */
    public String string(int i) {
        return strings[i];
    }

    public double floatValue(int i) {
        return Double.longBitsToDouble(bits[i]);
    }

    public boolean booleanValue(int i) {
        return bits[i] != 0;
    }

    /** Appends a non-string value. */
    public void add(long time, long rawBits) {
        grow(size + 1);
        times[size] = time;
        bits[size++] = rawBits;
    }

    /** Appends a string value. */
    public void addString(long time, String value) {
        grow(size + 1);
        times[size] = time;
        bits[size] = 0;
        strings[size++] = value;
    }

    /** Appends value {@code i} of {@code other} (same type). */
    public void addFrom(BlockValues other, int i) {
        if (other.type == FieldType.STRING) {
            addString(other.times[i], other.strings[i]);
        } else {
            add(other.times[i], other.bits[i]);
        }
    }

    /** Appends values {@code [from, to)} of {@code other} (same type). */
    public void addRange(BlockValues other, int from, int to) {
        int n = to - from;
        grow(size + n);
        System.arraycopy(other.times, from, times, size, n);
        if (other.type == FieldType.STRING) {
            System.arraycopy(other.strings, from, strings, size, n); // bits(i) is 0 for strings
        } else {
            System.arraycopy(other.bits, from, bits, size, n);
        }
        size += n;
    }

    /**
     * Copies the values into {@code toTimes} and {@code toBits} (0 for strings) or {@code toStrings} (strings
     * only) from index {@code at} on, which hold at least {@code at + }{@link #size} each, with one array copy
     * each.
     */
    public void copyTo(long[] toTimes, long[] toBits, String[] toStrings, int at) {
        System.arraycopy(times, 0, toTimes, at, size);
        if (type == FieldType.STRING) {
            System.arraycopy(strings, 0, toStrings, at, size);
            Arrays.fill(toBits, at, at + size, 0);
        } else {
            System.arraycopy(bits, 0, toBits, at, size);
        }
    }

    /** Removes the values with {@code min <= time <= max} and returns how many were removed. */
    public int removeRange(long min, long max) {
        int w = 0;
        for (int r = 0; r < size; r++) {
            long t = times[r];
            if (t >= min && t <= max) {
                continue;
            }
            times[w] = t;
            bits[w] = bits[r];
            if (type == FieldType.STRING) {
                strings[w] = strings[r];
            }
            w++;
        }
        int removed = size - w;
        if (type == FieldType.STRING) {
            Arrays.fill(strings, w, size, null);
        }
        size = w;
        return removed;
    }

    /** Sets the size after a codec filled the arrays directly. */
    void setSize(int n) {
        size = n;
    }

    void grow(int n) {
        if (times.length < n) {
            times = Arrays.copyOf(times, Math.max(n, times.length * 2));
        }
        if (bits.length < n) {
            bits = Arrays.copyOf(bits, Math.max(n, bits.length * 2));
        }
        if (type == FieldType.STRING && strings.length < n) {
            strings = Arrays.copyOf(strings, Math.max(n, strings.length * 2));
        }
    }
}
