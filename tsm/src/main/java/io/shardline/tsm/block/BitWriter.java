package io.shardline.tsm.block;

/**
 * Writes bits most significant first into a {@link ByteOut}, padding the last byte with zeros
 * (as {@code go-bitstream} does). Not thread-safe.
 */
final class BitWriter {

    private ByteOut out;
    private long acc;
    private int accBits;

    void start(ByteOut target) {
        out = target;
        acc = 0;
        accBits = 0;
    }

    /** Writes the low {@code n} bits of {@code v} (0 to 64), highest first. */
    void write(long v, int n) {
        if (n == 0) {
            return;
        }
        if (n < 64) {
            v &= (1L << n) - 1;
        }
        int free = 64 - accBits;
        if (n <= free) {
            acc = free == 64 ? v : (acc << n) | v;
            accBits += n;
            if (accBits == 64) {
                out.putLong(acc);
                acc = 0;
                accBits = 0;
            }
            return;
        }
        int rest = n - free;
        out.putLong((acc << free) | (v >>> rest));
        acc = v & ((1L << rest) - 1);
        accBits = rest;
    }

    /** Flushes whole and partial bytes, the last one padded with zero bits. */
    void finish() {
        while (accBits >= 8) {
            accBits -= 8;
            out.put((int) (acc >>> accBits));
        }
        if (accBits > 0) {
            out.put((int) (acc << (8 - accBits)));
        }
        acc = 0;
        accBits = 0;
    }
}
