package io.shardline.tsm.block;

/**
 * Simple-8b packing of unsigned 60-bit integers into 64-bit words, as TSM uses for timestamp
 * deltas and zig-zag integer deltas. The top 4 bits of a word select how the low 60 bits are cut;
 * values sit from the least significant end. Stateless.
 *
 * <pre>
 * selector  0    1    2   3   4   5   6   7   8   9  10  11  12  13  14  15
 * values   240  120  60  30  20  15  12  10   8   7   6   5   4   3   2   1
 * bits       -    -   1   2   3   4   5   6   7   8  10  12  15  20  30  60
 * </pre>
 * Selectors 0 and 1 carry no payload: they stand for 240 or 120 values equal to 1.
 *
 * <p>Which word InfluxDB 1.6 picks for a run of ones depends on the caller, and this class
 * reproduces both so that blocks come out byte for byte as InfluxDB writes them:
 * {@link RunRule#ALL_REMAINING} (integers, {@code simple8b.EncodeAll}) takes a ones-word only when
 * every value still to pack is 1; {@link RunRule#WINDOW_240} (timestamps, the streaming
 * {@code simple8b.Encoder}) looks at the next 240 values only.
 */
public final class Simple8b {

    /** The largest value that can be packed. */
    public static final long MAX_VALUE = (1L << 60) - 1;

    private static final int[] COUNT = {240, 120, 60, 30, 20, 15, 12, 10, 8, 7, 6, 5, 4, 3, 2, 1};
    private static final int[] BITS = {0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 30, 60};

    /** How runs of ones are recognised; see the class comment. */
    public enum RunRule {
        ALL_REMAINING,
        WINDOW_240
    }

    private Simple8b() {
    }

    /** Number of values a word holds. */
    public static int count(long word) {
        return COUNT[(int) (word >>> 60)];
    }

    /**
     * Packs {@code src[from, to)} into {@code out} as big-endian words. A value above
     * {@link #MAX_VALUE} gives {@link IllegalArgumentException}.
     */
    public static void encode(long[] src, int from, int to, RunRule rule, ByteOut out) {
        int[] prefixWidth = new int[61];
        int nextNonOne = from;
        int i = from;
        while (i < to) {
            int remaining = to - i;
            int window = rule == RunRule.WINDOW_240 ? Math.min(240, remaining) : remaining;
            if (nextNonOne < i) {
                nextNonOne = i;
            }
            while (nextNonOne < to && src[nextNonOne] == 1) {
                nextNonOne++;
            }
            boolean windowAllOnes = nextNonOne - i >= window;
            if (windowAllOnes && window >= 240) {
                out.putLong(0);
                i += 240;
            } else if (windowAllOnes && window >= 120) {
                out.putLong(1L << 60);
                i += 120;
            } else {
                i += packOne(src, i, remaining, prefixWidth, out);
            }
        }
    }

    // Picks the first selector from 2 up whose count fits in what remains and whose width fits the
    // values it would take. prefixWidth[k] is the widest of the first k values, filled only as far
    // as needed and never past a value too wide for the selector being tried.
    private static int packOne(long[] src, int i, int remaining, int[] prefixWidth, ByteOut out) {
        int scanned = 0;
        prefixWidth[0] = 0;
        for (int sel = 2; sel < 16; sel++) {
            int n = COUNT[sel];
            int bits = BITS[sel];
            if (n > remaining) {
                continue;
            }
            while (scanned < n && prefixWidth[scanned] <= bits) {
                long v = src[i + scanned];
                if (Long.compareUnsigned(v, MAX_VALUE) > 0) {
                    throw new IllegalArgumentException("value out of simple8b range: " + Long.toUnsignedString(v));
                }
                prefixWidth[scanned + 1] = Math.max(prefixWidth[scanned], 64 - Long.numberOfLeadingZeros(v));
                scanned++;
            }
            if (scanned >= n && prefixWidth[n] <= bits) {
                long word = (long) sel << 60;
                for (int k = 0; k < n; k++) {
                    word |= src[i + k] << (k * bits);
                }
                out.putLong(word);
                return n;
            }
        }
        throw new AssertionError("selector 15 always fits a checked value");
    }

    /**
     * Unpacks one word into {@code dst} at {@code off} (room for {@link #count} values) and returns
     * the number of values.
     */
    public static int decode(long word, long[] dst, int off) {
        int sel = (int) (word >>> 60);
        int n = COUNT[sel];
        int bits = BITS[sel];
        if (bits == 0) {
            for (int k = 0; k < n; k++) {
                dst[off + k] = 1;
            }
            return n;
        }
        long mask = (1L << bits) - 1;
        for (int k = 0; k < n; k++) {
            dst[off + k] = word & mask;
            word >>>= bits;
        }
        return n;
    }

    /** Total number of values in the words of {@code b[off, end)}, which must be whole words. */
    static int countAll(byte[] b, int off, int end, String what) {
        if (((end - off) & 7) != 0) {
            throw new CorruptBlockException(what + ": " + (end - off) + " bytes is not a whole number of simple8b words");
        }
        int total = 0;
        for (int p = off; p < end; p += 8) {
            total += COUNT[(b[p] & 0xFF) >>> 4];
        }
        return total;
    }
}
