package io.shardline.model.lp;

import io.shardline.model.FieldLayout;
import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.internal.Utf8;
import java.util.Arrays;

/**
 * Turns the field spans of a scanned line into a {@link Point}: keys unescaped (through a cache),
 * values typed like 1.x's field iterator (first byte decides; {@code i}/{@code u} suffix), duplicate
 * keys resolved last-wins, keys sorted. The sorted layout is memoized per series, so a steady stream
 * of one schema allocates only the point and its value arrays. Not thread-safe.
 */
final class FieldAssembler {

    private final Text text;
    private final Numbers numbers;
    private final StringCache keyCache;
    private String reason;
    private String[] keys = new String[16];
    private FieldType[] types = new FieldType[16];
    private long[] bits = new long[16];
    private String[] strings = new String[16];
    /** The series whose shape memo (with raw keys) the last line used or made, for a new series' first line. */
    private SeriesEntry lastShape;

    FieldAssembler(Text text, Numbers numbers) {
        this.text = text;
        this.numbers = numbers;
        this.keyCache = new StringCache(text, Text.NAME);
    }

    String reason() {
        return reason;
    }

    /** The point, or null with {@link #reason()} set. */
    Point assemble(byte[] b, SeriesEntry entry, FieldScanner f, long time) {
        int n = f.fieldCount;
        ensureCapacity(n);
        int count = 0;
        int record = 0;
        boolean anyString = false;
        boolean memoKeys = entry.rawKeysMatch(b, f.fieldSpans, n);
        if (!memoKeys && entry.shapeInput == null && lastShape != null && lastShape.rawKeysMatch(b, f.fieldSpans, n)) {
            // a series' first line with the field keys of the line before: its shape, not a new sort
            entry.shareShape(lastShape);
            memoKeys = true;
        }
        for (int i = 0; i < n; i++) {
            int o = i * 4;
            int ks = f.fieldSpans[o];
            int ke = f.fieldSpans[o + 1];
            int vs = f.fieldSpans[o + 2];
            int ve = f.fieldSpans[o + 3];
            if (ks == ke || vs == ve) {
                continue; // 1.x Fields() skips empty keys and empty values
            }
            while (record < f.recordCount && f.recordSpans[2 * record] < vs) {
                record++;
            }
            if (!value(b, vs, ve, f, record, count)) {
                return null;
            }
            anyString |= types[count] == FieldType.STRING;
            keys[count++] = memoKeys ? entry.shapeInput[i] : keyCache.get(b, ks, ke);
        }
        if (count == 0) {
            reason = "missing fields";
            return null;
        }
        if (!sameShape(entry, count)) {
            memoizeShape(entry, count);
            if (count == n) {
                entry.rememberRawKeys(b, f.fieldSpans, n);
            } else {
                entry.forgetRawKeys();
            }
        }
        if (memoKeys || count == n) {
            lastShape = entry;
        }
        return build(entry, anyString, time);
    }

    // Types and converts one value into slot `slot`; uses scanFields' record when it covers the span.
    private boolean value(byte[] b, int vs, int ve, FieldScanner f, int record, int slot) {
        byte c = b[vs];
        FieldType type;
        int numEnd = ve;
        if (c == '"') {
            if (ve - vs < 2) {
                return fail("unbalanced quotes");
            }
            types[slot] = FieldType.STRING;
            strings[slot] = text.unescapeString(b, vs + 1, ve - 1);
            bits[slot] = 0;
            return true;
        } else if ((c >= '0' && c <= '9') || c == '-' || c == '.' || c == 'n' || c == 'N' || c == 'i'
                || c == 'I' || c == 'u') {
            byte last = b[ve - 1];
            type = last == 'i' ? FieldType.INTEGER : last == 'u' ? FieldType.UNSIGNED : FieldType.FLOAT;
            numEnd = type == FieldType.FLOAT ? ve : ve - 1;
        } else {
            type = FieldType.BOOLEAN;
        }
        types[slot] = type;
        strings[slot] = null;
        if (record < f.recordCount && f.recordSpans[2 * record] == vs && f.recordSpans[2 * record + 1] == ve
                && f.recordTypes[record] == type) {
            bits[slot] = f.recordBits[record];
            return true;
        }
        return convert(b, vs, numEnd, type, slot);
    }

    // Values 1.x's scanner let through without checking (only odd quoting leads here).
    private boolean convert(byte[] b, int s, int e, FieldType type, int slot) {
        int r;
        switch (type) {
            case FLOAT -> r = numbers.parseFloat(b, s, e);
            case INTEGER -> r = numbers.parseInt(b, s, e);
            case UNSIGNED -> r = numbers.parseUint(b, s, e);
            default -> {
                int v = FieldScanner.booleanValue(b, s, e);
                if (v < 0) {
                    return fail("invalid boolean");
                }
                bits[slot] = v;
                return true;
            }
        }
        if (r != Numbers.OK || (type == FieldType.FLOAT && !Double.isFinite(Double.longBitsToDouble(numbers.value)))) {
            return fail("invalid number");
        }
        bits[slot] = numbers.value;
        return true;
    }

    private Point build(SeriesEntry entry, boolean anyString, long time) {
        int[] perm = entry.shapePerm;
        int m = perm.length;
        long[] v = new long[m];
        String[] s = anyString ? new String[m] : null;
        for (int j = 0; j < m; j++) {
            int i = perm[j];
            v[j] = bits[i];
            if (s != null) {
                s[j] = strings[i];
            }
        }
        FieldType[] t = entry.shapeTypes;
        if (t == null || !typesMatch(t, perm)) {
            t = new FieldType[m];
            for (int j = 0; j < m; j++) {
                t[j] = types[perm[j]];
            }
            entry.shapeTypes = t; // shared by later points of this shape; never written again
        }
        return Point.ofOwnedArrays(entry.series, entry.shapeLayout, t, v, s, time);
    }

    private boolean typesMatch(FieldType[] t, int[] perm) {
        for (int j = 0; j < perm.length; j++) {
            if (t[j] != types[perm[j]]) {
                return false;
            }
        }
        return true;
    }

    private boolean sameShape(SeriesEntry entry, int count) {
        String[] last = entry.shapeInput;
        if (last == null || last.length != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (last[i] != keys[i] && !last[i].equals(keys[i])) {
                return false;
            }
        }
        return true;
    }

    // Sorts input positions by key (stable), keeps the last of equal keys, remembers the result.
    private void memoizeShape(SeriesEntry entry, int count) {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        String[] k = keys;
        Arrays.sort(order, (x, y) -> Utf8.compare(k[x], k[y]));
        int[] perm = new int[count];
        int m = 0;
        for (int j = 0; j < count; j++) {
            if (j + 1 < count && keys[order[j]].equals(keys[order[j + 1]])) {
                continue;
            }
            perm[m++] = order[j];
        }
        perm = Arrays.copyOf(perm, m);
        String[] sorted = new String[m];
        for (int j = 0; j < m; j++) {
            sorted[j] = keys[perm[j]];
        }
        entry.shapeInput = Arrays.copyOf(keys, count);
        entry.shapeLayout = FieldLayout.ofSorted(sorted);
        entry.shapePerm = perm;
        entry.shapeTypes = null;
    }

    private void ensureCapacity(int n) {
        if (keys.length < n) {
            int size = Math.max(n, keys.length * 2);
            keys = new String[size];
            types = new FieldType[size];
            bits = new long[size];
            strings = new String[size];
        }
    }

    private boolean fail(String why) {
        reason = why;
        return false;
    }
}
