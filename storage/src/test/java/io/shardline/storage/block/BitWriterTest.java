package io.shardline.storage.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.storage.internal.ByteSink;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-wise bit writer writes the very bytes a bit-by-bit writer does, which the block format stores. */
class BitWriterTest {

    @Test
    void writesTheBytesOfABitByBitWriter() {
        long seed = Long.getLong("shardline.seed", 20261208L);
        Random rnd = new Random(seed);
        for (int round = 0; round < 200; round++) {
            ByteSink out = new ByteSink(16);
            out.put(0x5A); // a writer appends to what the sink holds
            BitWriter w = new BitWriter(out);
            ByteSink expected = new ByteSink(16);
            expected.put(0x5A);
            BitByBit reference = new BitByBit(expected);
            int writes = rnd.nextInt(300);
            for (int i = 0; i < writes; i++) {
                int n = switch (rnd.nextInt(4)) {
                    case 0 -> 1;
                    case 1 -> 64;
                    default -> 1 + rnd.nextInt(64);
                };
                long v = rnd.nextLong(); // bits above the low n must be ignored
                if (n == 1 && rnd.nextBoolean()) {
                    w.bit((v & 1) != 0);
                } else {
                    w.write(v, n);
                }
                reference.write(v, n);
            }
            w.flush();
            reference.flush();
            assertThat(out.toByteArray()).as("seed %d, round %d", seed, round).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void gorillaRoundTripsRandomRuns() {
        long seed = Long.getLong("shardline.seed", 20261208L);
        Random rnd = new Random(seed);
        for (int round = 0; round < 100; round++) {
            int n = 1 + rnd.nextInt(2000);
            long[] values = new long[n];
            double level = rnd.nextDouble() * 100;
            for (int i = 0; i < n; i++) {
                values[i] = switch (rnd.nextInt(4)) {
                    case 0 -> i > 0 ? values[i - 1] : 0;
                    case 1 -> rnd.nextLong();
                    default -> Double.doubleToRawLongBits(level + rnd.nextInt(100) / 10.0);
                };
            }
            ByteSink out = new ByteSink(8);
            Gorilla.encode(values, n, out);
            BitReader r = new BitReader();
            r.reset(out.array(), 0, out.length());
            long[] back = new long[n];
            Gorilla.decode(r, back, n);
            assertThat(back).as("seed %d, round %d", seed, round).containsExactly(values);
        }
    }

    /** The plainest writer: one bit at a time, a byte appended when it has eight. */
    private static final class BitByBit {
        private final ByteSink out;
        private int current;
        private int filled;

        BitByBit(ByteSink out) {
            this.out = out;
        }

        void write(long v, int n) {
            for (int i = n - 1; i >= 0; i--) {
                current = (current << 1) | (int) ((v >>> i) & 1);
                if (++filled == 8) {
                    out.put(current);
                    current = 0;
                    filled = 0;
                }
            }
        }

        void flush() {
            if (filled > 0) {
                out.put(current << (8 - filled));
                current = 0;
                filled = 0;
            }
        }
    }
}
