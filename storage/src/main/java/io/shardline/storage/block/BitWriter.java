package io.shardline.storage.block;

import io.shardline.storage.internal.ByteSink;

/**
 * Appends bits, most significant first, to a {@link ByteSink}. Bits gather in a 64-bit word that goes
 * out as eight bytes at once when it is full (a bulk load's encoder spent about half its time here when
 * every write looped and every byte was appended on its own). Not thread-safe.
 */
final class BitWriter {

    private final ByteSink out;
    /** The pending bits in its low {@link #bits} bits; the bits above them are stale, shifted out unread. */
    private long acc;
    /** Pending bits, 0..63. */
    private int bits;

    BitWriter(ByteSink out) {
        this.out = out;
    }

    /** Writes the low {@code n} bits of {@code v} (1..64). */
    void write(long v, int n) {
        if (n < 64) {
            v &= (1L << n) - 1;
        }
        int free = 64 - bits;
        if (n < free) {
            acc = (acc << n) | v;
            bits += n;
            return;
        }
        // the word fills up: it takes the top `free` bits of v, the other `rest` stay pending
        int rest = n - free;
        out.putLongBE(free == 64 ? v : (acc << free) | (v >>> rest));
        acc = v;
        bits = rest;
    }

    void bit(boolean b) {
        write(b ? 1 : 0, 1);
    }

    /** Writes the pending bits, the last byte padded with zeros. */
    void flush() {
        if (bits > 0) {
            long word = acc << (64 - bits);
            for (int shift = 56, left = bits; left > 0; shift -= 8, left -= 8) {
                out.put((int) (word >>> shift));
            }
        }
        bits = 0;
        acc = 0;
    }
}
