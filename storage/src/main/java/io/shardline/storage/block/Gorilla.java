package io.shardline.storage.block;

import io.shardline.storage.internal.ByteSink;

/**
 * Gorilla XOR compression of float bits (Pelkonen et al., VLDB 2015), as TSM uses for floats: each
 * value is XORed with the previous one and only the meaningful bits are kept. Stateless.
 *
 * <pre>
 * first value: 64 bits
 * next values: '0'                                   same as previous
 *              '10' + meaningful bits                 fits the previous leading/trailing window
 *              '11' + 5 bits leading + 6 bits length + meaningful bits
 * </pre>
 */
final class Gorilla {

    private Gorilla() {
    }

    static void encode(long[] values, int n, ByteSink out) {
        BitWriter w = new BitWriter(out);
        long prev = values[0];
        w.write(prev, 64);
        int prevLeading = -1;
        int prevTrailing = 0;
        for (int i = 1; i < n; i++) {
            long x = values[i] ^ prev;
            prev = values[i];
            if (x == 0) {
                w.bit(false);
                continue;
            }
            int leading = Math.min(31, Long.numberOfLeadingZeros(x));
            int trailing = Long.numberOfTrailingZeros(x);
            // the control bits go out with what follows them in one write where it fits in 64 bits
            if (prevLeading >= 0 && leading >= prevLeading && trailing >= prevTrailing) {
                int meaningful = 64 - prevLeading - prevTrailing; // x has no bit above them
                if (meaningful <= 62) {
                    w.write((0b10L << meaningful) | (x >>> prevTrailing), meaningful + 2);
                } else {
                    w.write(0b10, 2);
                    w.write(x >>> prevTrailing, meaningful);
                }
            } else {
                int length = 64 - leading - trailing;
                w.write((0b11L << 11) | ((long) leading << 6) | (length - 1), 13);
                w.write(x >>> trailing, length);
                prevLeading = leading;
                prevTrailing = trailing;
            }
        }
        w.flush();
    }

    static void decode(BitReader r, long[] out, int n) {
        long prev = r.read(64);
        out[0] = prev;
        int leading = 0;
        int trailing = 0;
        for (int i = 1; i < n; i++) {
            if (r.bit()) {
                if (r.bit()) {
                    leading = (int) r.read(5);
                    int length = (int) r.read(6) + 1;
                    trailing = 64 - leading - length;
                }
                prev ^= r.read(64 - leading - trailing) << trailing;
            }
            out[i] = prev;
        }
    }
}
