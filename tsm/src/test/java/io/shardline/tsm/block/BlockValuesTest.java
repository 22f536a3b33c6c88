package io.shardline.tsm.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.FieldType;
import org.junit.jupiter.api.Test;

/** {@link BlockValues#copyTo}: the values as {@code time(i)}, {@code bits(i)} and {@code string(i)} give them. */
class BlockValuesTest {

    @Test
    void copyToGivesWhatTheAccessorsGiveAndZeroBitsForStrings() {
        BlockValues v = new BlockValues(4);
        v.reset(FieldType.FLOAT);
        for (int i = 0; i < 40; i++) { // grows past its first capacity
            v.add(100 + i, Double.doubleToRawLongBits(i * 0.5));
        }
        long[] times = new long[41];
        long[] bits = new long[41];
        String[] strings = new String[41];
        times[40] = -1;
        v.copyTo(times, bits, strings, 0);
        for (int i = 0; i < 40; i++) {
            assertThat(new long[] {times[i], bits[i]}).containsExactly(v.time(i), v.bits(i));
        }
        assertThat(times[40]).isEqualTo(-1); // nothing beyond size
        assertThat(strings).containsOnlyNulls();

        v.reset(FieldType.STRING);
        v.addString(7, "a");
        v.addString(8, "b");
        bits[1] = 99;
        bits[2] = 99;
        v.copyTo(times, bits, strings, 1); // after what is there
        assertThat(new long[] {times[0], times[1], times[2], bits[0], bits[1], bits[2], bits[3]})
                .containsExactly(100, 7, 8, 0, 0, 0, Double.doubleToRawLongBits(1.5)); // bits[3] untouched
        assertThat(new String[] {strings[0], strings[1], strings[2], strings[3]}).containsExactly(null, "a", "b", null);
    }
}
