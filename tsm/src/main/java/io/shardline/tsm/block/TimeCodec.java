package io.shardline.tsm.block;

/**
 * The timestamp column of a TSM block, as InfluxDB 1.x encodes it. The high nibble of the first
 * byte names the encoding; for packed and RLE the low nibble is log10 of the divisor, the largest
 * power of ten (at most 10^12) dividing every delta.
 *
 * <pre>
 * raw     0x00 | first u64 | delta u64 ...                     (a delta does not fit simple8b)
 * packed  0x1d | first u64 | simple8b words of delta/10^d      (window-240 rule)
 * RLE     0x2d | first u64 | uvarint delta/10^d | uvarint count (all deltas equal, 2+ values)
 * </pre>
 * Deltas are unsigned 64-bit differences of consecutive timestamps. Not thread-safe: holds scratch.
 */
public final class TimeCodec {

    private static final long MAX_DIVISOR = 1_000_000_000_000L;
    private static final long[] POW10 = new long[16];

    static {
        POW10[0] = 1;
        for (int i = 1; i < 16; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private long[] deltas = new long[1024];

    /** Appends the encoding of {@code ts[from, to)} to {@code out}; nothing for an empty range. */
    public void encode(long[] ts, int from, int to, ByteOut out) {
        int n = to - from;
        if (n == 0) {
            return;
        }
        if (deltas.length < n) {
            deltas = new long[Math.max(n, deltas.length * 2)];
        }
        long[] d = deltas;
        d[0] = ts[from];
        long max = 0;
        long divisor = MAX_DIVISOR;
        boolean rle = true;
        for (int i = 1; i < n; i++) {
            long v = ts[from + i] - ts[from + i - 1];
            d[i] = v;
            if (Long.compareUnsigned(v, max) > 0) {
                max = v;
            }
            while (divisor > 1 && Long.remainderUnsigned(v, divisor) != 0) {
                divisor /= 10;
            }
            rle = rle && (i == 1 || v == d[i - 1]);
        }
        int log = log10(divisor);
        if (rle && n > 1) {
            out.put(PackedColumn.RLE << 4 | log);
            out.putLong(d[0]);
            out.putUvarint(Long.divideUnsigned(d[1], divisor));
            out.putUvarint(n);
        } else if (Long.compareUnsigned(max, Simple8b.MAX_VALUE) > 0) {
            out.put(PackedColumn.RAW << 4);
            for (int i = 0; i < n; i++) {
                out.putLong(d[i]);
            }
        } else {
            out.put(PackedColumn.PACKED << 4 | log);
            out.putLong(d[0]);
            if (divisor > 1) {
                for (int i = 1; i < n; i++) {
                    d[i] = Long.divideUnsigned(d[i], divisor);
                }
            }
            Simple8b.encode(d, 1, n, Simple8b.RunRule.WINDOW_240, out);
        }
    }

    private static int log10(long divisor) {
        int log = 0;
        while (POW10[log] != divisor) {
            log++;
        }
        return log;
    }

    /** Number of timestamps in the encoded column {@code b[off, end)}. */
    public static int count(byte[] b, int off, int end) {
        return PackedColumn.count(b, off, end, "timestamps", 0);
    }

    /**
     * Decodes the column {@code b[off, end)} into {@code dst} (room for {@link #count} values) and
     * returns the number of timestamps.
     */
    public static int decode(byte[] b, int off, int end, long[] dst) {
        int n = count(b, off, end);
        if (n == 0) {
            return 0;
        }
        int header = b[off] & 0xFF;
        switch (header >>> 4) {
            case PackedColumn.RAW -> {
                long v = 0;
                for (int i = 0; i < n; i++) {
                    v += ByteIn.u64(b, off + 1 + 8 * i);
                    dst[i] = v;
                }
            }
            case PackedColumn.PACKED -> {
                long mult = POW10[header & 0xF];
                long v = ByteIn.u64(b, off + 1);
                dst[0] = v;
                int k = 1;
                for (int p = off + 9; p < end; p += 8) {
                    k += Simple8b.decode(ByteIn.u64(b, p), dst, k);
                }
                for (int i = 1; i < n; i++) {
                    v += dst[i] * mult;
                    dst[i] = v;
                }
            }
            default -> {
                ByteIn in = new ByteIn(b, off + 1, end);
                long v = in.u64("RLE timestamps: first");
                long delta = in.uvarint("RLE timestamps: delta") * POW10[header & 0xF];
                for (int i = 0; i < n; i++) {
                    dst[i] = v;
                    v += delta;
                }
            }
        }
        return n;
    }
}
