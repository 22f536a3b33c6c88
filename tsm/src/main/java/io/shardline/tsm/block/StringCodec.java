package io.shardline.tsm.block;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The value column of string blocks: every value as {@code uvarint length | bytes}, all of them
 * compressed together as one Snappy block (the raw format, not the framed one).
 *
 * <pre>
 * 0x10 | snappy( (uvarint len | UTF-8 bytes) * count )
 * </pre>
 * Strings are UTF-8 in both directions; bytes that are not valid UTF-8 decode to U+FFFD. Not
 * thread-safe: holds scratch and codec instances.
 */
public final class StringCodec {

    static final int SNAPPY = 1;

    private final SnappyCompressor compressor = new SnappyCompressor();
    private final SnappyDecompressor decompressor = new SnappyDecompressor();
    private final ByteOut raw = new ByteOut(4096);
    private byte[] plain = new byte[4096];

    /** Appends the encoding of {@code values[from, to)} to {@code out}. */
    public void encode(String[] values, int from, int to, ByteOut out) {
        raw.reset();
        for (int i = from; i < to; i++) {
            byte[] s = values[i].getBytes(StandardCharsets.UTF_8);
            raw.putUvarint(s.length);
            raw.put(s, 0, s.length);
        }
        out.put(SNAPPY << 4);
        int max = compressor.maxCompressedLength(raw.size());
        out.ensure(max);
        int n = compressor.compress(raw.array(), 0, raw.size(), out.array(), out.size(), max);
        out.advance(n);
    }

    /**
     * Decodes {@code b[off, end)} into {@code dst} from index 0, growing it when needed; returns the
     * (possibly new) array, the count in {@code count[0]}. More than {@code limit} values is corrupt.
     */
    public String[] decode(byte[] b, int off, int end, String[] dst, int[] count, int limit) {
        int n = 0;
        if (end > off) {
            int encoding = (b[off] & 0xFF) >>> 4;
            if (encoding != SNAPPY) {
                throw new CorruptBlockException("unknown string encoding " + encoding);
            }
            int len = uncompress(b, off + 1, end);
            ByteIn in = new ByteIn(plain, 0, len);
            while (in.remaining() > 0) {
                long sl = in.uvarint("strings: length");
                if (sl < 0 || sl > in.remaining()) {
                    throw new CorruptBlockException("strings: length " + Long.toUnsignedString(sl)
                            + " exceeds the " + in.remaining() + " bytes left");
                }
                if (n == limit) {
                    throw new CorruptBlockException("strings: more than the " + limit + " values expected");
                }
                if (n == dst.length) {
                    dst = Arrays.copyOf(dst, Math.max(16, n * 2));
                }
                dst[n++] = new String(plain, in.pos, (int) sl, StandardCharsets.UTF_8);
                in.pos += (int) sl;
            }
        }
        count[0] = n;
        return dst;
    }

    private int uncompress(byte[] b, int off, int end) {
        try {
            int len = SnappyDecompressor.getUncompressedLength(b, off);
            if (len < 0 || len > BlockCodec.MAX_STRING_BYTES) {
                throw new CorruptBlockException("strings: implausible uncompressed length " + len);
            }
            if (plain.length < len) {
                plain = new byte[Math.max(len, plain.length * 2)];
            }
            int n = decompressor.decompress(b, off, end - off, plain, 0, len);
            if (n != len) {
                throw new CorruptBlockException("strings: snappy gave " + n + " of " + len + " bytes");
            }
            return n;
        } catch (MalformedInputException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new CorruptBlockException("strings: bad snappy data: " + e.getMessage(), e);
        }
    }
}
