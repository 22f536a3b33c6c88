package io.shardline.tsm.block;

import java.util.Arrays;

/**
 * The value column of float blocks: Gorilla XOR compression (Pelkonen et al., VLDB 2015) in the
 * exact bit layout of InfluxDB 1.x, ended by a NaN sentinel, so NaN itself cannot be stored.
 *
 * <pre>
 * 0x10 | first value, 64 bits | per further value, XOR with the previous one:
 *        '0'                                             XOR is 0
 *        '10' + XOR >> trailing, in the previous window  fits the previous leading/trailing zeros
 *        '11' + leading (5 bits) + significant bits (6 bits, 0 = 64) + XOR >> trailing
 *      | the sentinel 0x7FF8000000000001 encoded the same way | zero padding to a byte
 * </pre>
 * InfluxDB keeps only the low 5 bits of the leading-zero count ({@code leading & 0x1F}); so do we,
 * which changes no value but keeps the bytes identical. Stateless apart from scratch; not thread-safe.
 */
public final class FloatCodec {

    /** Go's {@code math.NaN()}, the end-of-stream sentinel. */
    static final long SENTINEL = 0x7FF8000000000001L;
    static final int GORILLA = 1;

    private final BitWriter bits = new BitWriter();

    /**
     * Appends the encoding of the float bit patterns {@code values[from, to)} to {@code out}. A NaN
     * gives {@link IllegalArgumentException}.
     */
    public void encode(long[] values, int from, int to, ByteOut out) {
        out.put(GORILLA << 4);
        bits.start(out);
        long prev = 0;
        int prevLeading = -1;
        int prevTrailing = 0;
        for (int i = from; i <= to; i++) {
            long v;
            if (i < to) {
                v = values[i];
                if (Double.isNaN(Double.longBitsToDouble(v))) {
                    throw new IllegalArgumentException("unsupported value: NaN");
                }
            } else {
                v = SENTINEL;
            }
            if (i == from) {
                bits.write(v, 64);
                prev = v;
                continue;
            }
            long xor = v ^ prev;
            prev = v;
            if (xor == 0) {
                bits.write(0, 1);
                continue;
            }
            int leading = Long.numberOfLeadingZeros(xor) & 0x1F;
            int trailing = Long.numberOfTrailingZeros(xor);
            if (prevLeading >= 0 && leading >= prevLeading && trailing >= prevTrailing) {
                bits.write(0b10, 2);
                bits.write(xor >>> prevTrailing, 64 - prevLeading - prevTrailing);
            } else {
                prevLeading = leading;
                prevTrailing = trailing;
                int significant = 64 - leading - trailing;
                bits.write(0b11, 2);
                bits.write(leading, 5);
                bits.write(significant, 6);
                bits.write(xor >>> trailing, significant);
            }
        }
        bits.finish();
    }

    /**
     * Decodes the column {@code b[off, end)} into float bit patterns in {@code dst} from index 0,
     * growing it when needed; returns the (possibly new) array, the count in {@code count[0]}. More
     * than {@code limit} values is corrupt.
     */
    public static long[] decode(byte[] b, int off, int end, long[] dst, int[] count, int limit) {
        int n = 0;
        if (end > off) {
            int encoding = (b[off] & 0xFF) >>> 4;
            if (encoding != GORILLA) {
                throw new CorruptBlockException("unknown float encoding " + encoding);
            }
            BitReader r = new BitReader(b, off + 1, end);
            long v = r.read(64, "floats: first value");
            int leading = 0;
            int trailing = 0;
            while (v != SENTINEL) {
                if (n == limit) {
                    throw new CorruptBlockException("floats: more than the " + limit + " values expected");
                }
                if (n == dst.length) {
                    dst = Arrays.copyOf(dst, Math.max(16, n * 2));
                }
                dst[n++] = v;
                if (r.read(1, "floats: control bit") == 0) {
                    continue;
                }
                if (r.read(1, "floats: control bit") == 1) {
                    leading = (int) r.read(5, "floats: leading zeros");
                    int significant = (int) r.read(6, "floats: significant bits");
                    if (significant == 0) {
                        significant = 64;
                    }
                    trailing = 64 - leading - significant;
                    if (trailing < 0) {
                        throw new CorruptBlockException("floats: " + leading + " leading zeros and "
                                + significant + " significant bits exceed 64");
                    }
                }
                int width = 64 - leading - trailing;
                v ^= r.read(width, "floats: value bits") << trailing;
            }
        }
        count[0] = n;
        return dst;
    }
}
