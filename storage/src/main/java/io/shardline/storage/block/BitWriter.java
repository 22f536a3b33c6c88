package io.shardline.storage.block;

import io.shardline.storage.internal.ByteSink;

/** Appends bits, most significant first, to a {@link ByteSink}. Not thread-safe. */
final class BitWriter {

    private final ByteSink out;
    private long acc;
    private int bits;

    BitWriter(ByteSink out) {
        this.out = out;
    }

    /** Writes the low {@code n} bits of {@code v} (1..64). */
    void write(long v, int n) {
        while (n > 0) {
            int take = Math.min(n, 56 - bits);
            long chunk = take == 64 ? v : (v >>> (n - take)) & ((1L << take) - 1);
            acc = (acc << take) | chunk;
            bits += take;
            n -= take;
            while (bits >= 8) {
                out.put((int) (acc >>> (bits - 8)));
                bits -= 8;
            }
        }
    }

    void bit(boolean b) {
        write(b ? 1 : 0, 1);
    }

    /** Pads the last byte with zeros. */
    void flush() {
        if (bits > 0) {
            out.put((int) (acc << (8 - bits)));
            bits = 0;
        }
        acc = 0;
    }
}
