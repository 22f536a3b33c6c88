package io.shardline.tsm.block;

/**
 * The value column of integer and unsigned blocks, as InfluxDB 1.x encodes it: each value's
 * difference from the previous one (the first from 0), zig-zag mapped to unsigned. Unsigned values
 * go through the same path as their 64 bits read as signed.
 *
 * <pre>
 * raw     0x00 | zigzag u64 ...                                  (one does not fit simple8b)
 * packed  0x10 | first zigzag u64 | simple8b words of the rest    (all-remaining rule)
 * RLE     0x20 | first zigzag u64 | uvarint zigzag delta | uvarint count-1   (3+ values, one delta)
 * </pre>
 * Not thread-safe: holds scratch.
 */
public final class IntegerCodec {


    private long[] zigzags = new long[1024];

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** Appends the encoding of {@code values[from, to)} to {@code out}; nothing for an empty range. */
    public void encode(long[] values, int from, int to, ByteOut out) {
        int n = to - from;
        if (n == 0) {
            return;
        }
        if (zigzags.length < n) {
            zigzags = new long[Math.max(n, zigzags.length * 2)];
        }
        long[] z = zigzags;
        long prev = 0;
        boolean rle = true;
        boolean fits = true;
        for (int i = 0; i < n; i++) {
            long v = values[from + i];
            z[i] = zigzag(v - prev);
            prev = v;
            rle = rle && (i < 2 || z[i] == z[i - 1]);
            fits = fits && Long.compareUnsigned(z[i], Simple8b.MAX_VALUE) <= 0;
        }
        if (rle && n > 2) {
            out.put(PackedColumn.RLE << 4);
            out.putLong(z[0]);
            out.putUvarint(z[1]);
            out.putUvarint(n - 1);
        } else if (!fits) {
            out.put(PackedColumn.RAW << 4);
            for (int i = 0; i < n; i++) {
                out.putLong(z[i]);
            }
        } else {
            out.put(PackedColumn.PACKED << 4);
            out.putLong(z[0]);
            Simple8b.encode(z, 1, n, Simple8b.RunRule.ALL_REMAINING, out);
        }
    }

    /** Number of values in the encoded column {@code b[off, end)}. */
    public static int count(byte[] b, int off, int end) {
        return PackedColumn.count(b, off, end, "integers", 1);
    }

    /**
     * Decodes the column {@code b[off, end)} into {@code dst} (room for {@link #count} values) and
     * returns the number of values.
     */
    public static int decode(byte[] b, int off, int end, long[] dst) {
        int n = count(b, off, end);
        if (n == 0) {
            return 0;
        }
        switch ((b[off] & 0xFF) >>> 4) {
            case PackedColumn.RAW -> {
                for (int i = 0; i < n; i++) {
                    dst[i] = ByteIn.u64(b, off + 1 + 8 * i);
                }
                accumulate(dst, n);
            }
            case PackedColumn.PACKED -> {
                dst[0] = ByteIn.u64(b, off + 1);
                int k = 1;
                for (int p = off + 9; p < end; p += 8) {
                    k += Simple8b.decode(ByteIn.u64(b, p), dst, k);
                }
                accumulate(dst, n);
            }
            default -> {
                ByteIn in = new ByteIn(b, off + 1, end);
                long first = unzigzag(in.u64("RLE integers: first"));
                long delta = unzigzag(in.uvarint("RLE integers: delta"));
                for (int i = 0; i < n; i++) {
                    dst[i] = first + i * delta;
                }
            }
        }
        return n;
    }

    private static void accumulate(long[] dst, int n) {
        long prev = 0;
        for (int i = 0; i < n; i++) {
            prev += unzigzag(dst[i]);
            dst[i] = prev;
        }
    }
}
