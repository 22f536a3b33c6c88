package io.shardline.tsm.block;

/**
 * The value column of boolean blocks: one bit per value, first value in the most significant bit
 * of the first byte, the last byte padded with zeros.
 *
 * <pre>
 * 0x10 | uvarint count | ceil(count / 8) bytes
 * </pre>
 * Stateless.
 */
public final class BooleanCodec {

    static final int BIT_PACKED = 1;

    private BooleanCodec() {
    }

    /** Appends the encoding of {@code values[from, to)} (0 or 1 each) to {@code out}. */
    public static void encode(long[] values, int from, int to, ByteOut out) {
        int n = to - from;
        out.put(BIT_PACKED << 4);
        out.putUvarint(n);
        int acc = 0;
        int bits = 0;
        for (int i = from; i < to; i++) {
            acc = (acc << 1) | (values[i] != 0 ? 1 : 0);
            if (++bits == 8) {
                out.put(acc);
                acc = 0;
                bits = 0;
            }
        }
        // InfluxDB's encoder always emits the pending byte, even an empty one for zero values.
        if (bits > 0 || n == 0) {
            out.put(acc << (8 - bits));
        }
    }

    /** Number of values in the encoded column {@code b[off, end)}. */
    public static int count(byte[] b, int off, int end) {
        if (end == off) {
            return 0;
        }
        ByteIn in = header(b, off, end);
        int n = PackedColumn.checkedCount(in.uvarint("booleans: count"), "booleans");
        if ((long) in.remaining() * 8 < n) {
            throw new CorruptBlockException("booleans: count " + n + " but only " + in.remaining() + " bytes");
        }
        return n;
    }

    /** Decodes {@code b[off, end)} into 0/1 values in {@code dst} and returns the count. */
    public static int decode(byte[] b, int off, int end, long[] dst) {
        int n = count(b, off, end);
        if (n == 0) {
            return 0;
        }
        ByteIn in = header(b, off, end);
        in.uvarint("booleans: count");
        int base = in.pos;
        for (int i = 0; i < n; i++) {
            dst[i] = (b[base + (i >>> 3)] >>> (7 - (i & 7))) & 1;
        }
        return n;
    }

    private static ByteIn header(byte[] b, int off, int end) {
        ByteIn in = new ByteIn(b, off, end);
        int encoding = in.u8("booleans: header") >>> 4;
        if (encoding != BIT_PACKED) {
            throw new CorruptBlockException("unknown boolean encoding " + encoding);
        }
        return in;
    }
}
