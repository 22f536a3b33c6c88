package io.shardline.tsm.block;

/**
 * A big-endian reader over {@code b[pos, end)} with Go's unsigned varint; every read past the end
 * throws {@link CorruptBlockException} naming what was being read. Not thread-safe.
 */
final class ByteIn {

    final byte[] b;
    int pos;
    final int end;

    ByteIn(byte[] b, int off, int end) {
        this.b = b;
        this.pos = off;
        this.end = end;
    }

    int remaining() {
        return end - pos;
    }

    int u8(String what) {
        need(1, what);
        return b[pos++] & 0xFF;
    }

    long u64(String what) {
        need(8, what);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[pos++] & 0xFF);
        }
        return v;
    }

    /** Go's {@code binary.Uvarint}; overflow past 64 bits or a missing byte is corrupt. */
    long uvarint(String what) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1, what);
            int c = b[pos++] & 0xFF;
            if (shift == 63 && c > 1) {
                throw new CorruptBlockException(what + ": varint overflows 64 bits");
            }
            v |= (long) (c & 0x7F) << shift;
            if (c < 0x80) {
                return v;
            }
        }
        throw new CorruptBlockException(what + ": varint overflows 64 bits");
    }

    private void need(int n, String what) {
        if (end - pos < n) {
            throw new CorruptBlockException(what + ": truncated (" + (end - pos) + " of " + n + " bytes left)");
        }
    }

    static long u64(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
