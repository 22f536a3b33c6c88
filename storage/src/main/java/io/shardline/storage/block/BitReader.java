package io.shardline.storage.block;

import io.shardline.storage.internal.ByteSource;

/** Reads bits written by {@link BitWriter} from a byte range. Not thread-safe. */
final class BitReader {

    private byte[] buf;
    private int pos;
    private int end;
    private long acc;
    private int bits;

    void reset(byte[] b, int from, int to) {
        buf = b;
        pos = from;
        end = to;
        acc = 0;
        bits = 0;
    }

    /** Reads {@code n} bits (1..64). */
    long read(int n) {
        if (n > 56) {
            long hi = read(n - 32);
            return (hi << 32) | read(32);
        }
        while (bits < n) {
            if (pos >= end) {
                throw ByteSource.corrupted("truncated bit stream");
            }
            acc = (acc << 8) | (buf[pos++] & 0xFF);
            bits += 8;
        }
        bits -= n;
        return (acc >>> bits) & ((1L << n) - 1);
    }

    boolean bit() {
        return read(1) != 0;
    }
}
