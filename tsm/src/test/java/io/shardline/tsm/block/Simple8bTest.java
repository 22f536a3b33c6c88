package io.shardline.tsm.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.tsm.TestSeeds;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Simple8bTest {

    private static long[] roundTrip(long[] src, Simple8b.RunRule rule) {
        ByteOut out = new ByteOut(64);
        Simple8b.encode(src, 0, src.length, rule, out);
        assertThat(out.size() % 8).isZero();
        int n = Simple8b.countAll(out.array(), 0, out.size(), "test");
        long[] dst = new long[n + 240];
        int k = 0;
        for (int p = 0; p < out.size(); p += 8) {
            k += Simple8b.decode(ByteIn.u64(out.array(), p), dst, k);
        }
        assertThat(k).isEqualTo(n);
        return Arrays.copyOf(dst, k);
    }

    private static long[] words(long[] src, Simple8b.RunRule rule) {
        ByteOut out = new ByteOut(64);
        Simple8b.encode(src, 0, src.length, rule, out);
        long[] w = new long[out.size() / 8];
        for (int i = 0; i < w.length; i++) {
            w[i] = ByteIn.u64(out.array(), i * 8);
        }
        return w;
    }

    @Test
    void packsEverySelectorWidth() {
        int[] bits = {1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 30, 60};
        int[] counts = {60, 30, 20, 15, 12, 10, 8, 7, 6, 5, 4, 3, 2, 1};
        for (int s = 0; s < bits.length; s++) {
            long[] src = new long[counts[s]];
            Arrays.fill(src, (1L << bits[s]) - 1);
            long[] w = words(src, Simple8b.RunRule.ALL_REMAINING);
            assertThat(w).hasSize(1);
            assertThat(w[0] >>> 60).as("selector for %d bits", bits[s]).isEqualTo(s + 2);
            assertThat(roundTrip(src, Simple8b.RunRule.ALL_REMAINING)).containsExactly(src);
        }
    }

    @Test
    void runsOfOnesFollowInfluxDbRules() {
        long[] ones240ThenFive = new long[241];
        Arrays.fill(ones240ThenFive, 1);
        ones240ThenFive[240] = 5;
        // Timestamps (window of 240): the first 240 ones are one selector-0 word.
        assertThat(words(ones240ThenFive, Simple8b.RunRule.WINDOW_240)[0]).isZero();
        // Integers in 1.6 (all remaining must be ones): 60 one-bit values instead.
        assertThat(words(ones240ThenFive, Simple8b.RunRule.ALL_REMAINING)[0] >>> 60).isEqualTo(2);
        long[] ones130 = new long[130];
        Arrays.fill(ones130, 1);
        assertThat(words(ones130, Simple8b.RunRule.ALL_REMAINING)[0]).isEqualTo(1L << 60);
        for (Simple8b.RunRule rule : Simple8b.RunRule.values()) {
            assertThat(roundTrip(ones240ThenFive, rule)).containsExactly(ones240ThenFive);
            assertThat(roundTrip(ones130, rule)).containsExactly(ones130);
        }
    }

    @Test
    void choosesTheDensestSelectorForTheValuesItTakes() {
        // Four 10-bit values then a 21-bit one: InfluxDB packs the four in 15-bit slots (selector 12).
        long[] src = {1000, 1001, 1002, 1003, 1_220_000, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
        assertThat(words(src, Simple8b.RunRule.WINDOW_240)[0] >>> 60).isEqualTo(12);
        assertThat(roundTrip(src, Simple8b.RunRule.WINDOW_240)).containsExactly(src);
    }

    @Test
    void refusesValuesAbove60Bits() {
        assertThatThrownBy(() -> roundTrip(new long[] {1L << 60}, Simple8b.RunRule.ALL_REMAINING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomRoundTrips() {
        Random r = TestSeeds.random("Simple8bTest.randomRoundTrips");
        for (int it = 0; it < TestSeeds.iterations(300); it++) {
            int n = r.nextInt(1200);
            long[] src = new long[n];
            int mode = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                src[i] = switch (mode) {
                    case 0 -> r.nextInt(10) < 8 ? 1 : r.nextInt(4);
                    case 1 -> r.nextLong() >>> (4 + r.nextInt(60));
                    case 2 -> r.nextInt(3);
                    default -> Simple8b.MAX_VALUE - r.nextInt(3);
                };
            }
            for (Simple8b.RunRule rule : Simple8b.RunRule.values()) {
                assertThat(roundTrip(src, rule)).containsExactly(src);
            }
        }
    }
}
