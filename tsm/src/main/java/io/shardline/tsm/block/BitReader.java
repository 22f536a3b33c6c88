package io.shardline.tsm.block;

/**
 * Reads bits most significant first from {@code b[off, end)}; reading past the end throws
 * {@link CorruptBlockException}. Not thread-safe.
 */
final class BitReader {

    private final byte[] b;
    private final int end;
    private int pos;
    private long acc;
    private int accBits;

    BitReader(byte[] b, int off, int end) {
        this.b = b;
        this.pos = off;
        this.end = end;
    }

    /** The next {@code n} bits (0 to 64) as the low bits of the result. */
    long read(int n, String what) {
        if (n <= accBits) { // the common case, a method small enough to inline into the decoders' loops
            accBits -= n;
            return n == 64 ? acc : (acc >>> accBits) & ((1L << n) - 1);
        }
        return readAcross(n, what);
    }

    /** {@link #read} of more bits than the word holds: its rest, then the first bits of the next word. */
    private long readAcross(int n, String what) {
        int have = accBits; // < n <= 64
        long high = acc & ((1L << have) - 1);
        refill(what);
        int need = n - have;
        if (need > accBits) {
            refill(what); // the stream's last bytes were too few: this one throws
        }
        accBits -= need;
        return need == 64 ? acc : (high << need) | ((acc >>> accBits) & ((1L << need) - 1));
    }

    private void refill(String what) {
        int avail = end - pos;
        if (avail <= 0) {
            throw new CorruptBlockException(what + ": bit stream ends early");
        }
        if (avail >= 8) {
            acc = ByteIn.u64(b, pos);
            pos += 8;
            accBits = 64;
        } else {
            acc = 0;
            for (int i = 0; i < avail; i++) {
                acc = (acc << 8) | (b[pos++] & 0xFF);
            }
            accBits = avail * 8;
        }
    }
}
