package io.shardline.model.lp;

import io.shardline.model.FieldLayout;
import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import java.util.Arrays;

/**
 * A parsed series key plus a memo of the last field shape seen for it (input key order, sorted
 * layout, permutation, types), so lines of one series reuse the layout and share the types array.
 * Mutable memo; owned by one parser's thread.
 */
final class SeriesEntry {

    final SeriesKey series;
    String[] shapeInput;
    FieldLayout shapeLayout;
    int[] shapePerm;
    FieldType[] shapeTypes;
    // Raw (escaped) bytes of shapeInput's keys, concatenated, with their end offsets.
    private byte[] shapeRaw;
    private int[] shapeRawEnds;

    SeriesEntry(SeriesKey series) {
        this.series = series;
    }

    /** True when the {@code n} key spans (start/end pairs, stride 4) are byte-equal to the memo. */
    boolean rawKeysMatch(byte[] b, int[] spans, int n) {
        int[] ends = shapeRawEnds;
        if (ends == null || ends.length != n) {
            return false;
        }
        int from = 0;
        for (int i = 0; i < n; i++) {
            int ks = spans[4 * i];
            int ke = spans[4 * i + 1];
            if (!Arrays.equals(shapeRaw, from, ends[i], b, ks, ke)) {
                return false;
            }
            from = ends[i];
        }
        return true;
    }

    /**
     * Takes {@code other}'s shape memo, raw keys included. The memo's arrays are never written after they are
     * set (a new shape replaces them), so two entries can share them.
     */
    void shareShape(SeriesEntry other) {
        shapeInput = other.shapeInput;
        shapeLayout = other.shapeLayout;
        shapePerm = other.shapePerm;
        shapeTypes = other.shapeTypes;
        shapeRaw = other.shapeRaw;
        shapeRawEnds = other.shapeRawEnds;
    }

    /** Drops the raw key memo (the shape came from a line with skipped fields). */
    void forgetRawKeys() {
        shapeRaw = null;
        shapeRawEnds = null;
    }

    /** Remembers the raw key spans that produced {@link #shapeInput}. */
    void rememberRawKeys(byte[] b, int[] spans, int n) {
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += spans[4 * i + 1] - spans[4 * i];
        }
        byte[] raw = new byte[total];
        int[] ends = new int[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            int len = spans[4 * i + 1] - spans[4 * i];
            System.arraycopy(b, spans[4 * i], raw, at, len);
            at += len;
            ends[i] = at;
        }
        shapeRaw = raw;
        shapeRawEnds = ends;
    }
}
