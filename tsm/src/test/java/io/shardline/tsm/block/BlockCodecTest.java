package io.shardline.tsm.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.model.FieldType;
import io.shardline.tsm.TestSeeds;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockCodecTest {

    private final BlockCodec codec = new BlockCodec();

    private BlockValues roundTrip(BlockValues v) {
        ByteOut out = new ByteOut(64);
        codec.encode(v, 0, v.size(), out);
        BlockValues back = new BlockValues(4);
        codec.decode(out.array(), 0, out.size(), back);
        assertThat(back.type()).isEqualTo(v.type());
        assertThat(back.size()).isEqualTo(v.size());
        for (int i = 0; i < v.size(); i++) {
            assertThat(back.time(i)).as("time %d", i).isEqualTo(v.time(i));
            if (v.type() == FieldType.STRING) {
                assertThat(back.string(i)).as("string %d", i).isEqualTo(v.string(i));
            } else {
                assertThat(back.bits(i)).as("bits %d", i).isEqualTo(v.bits(i));
            }
        }
        return back;
    }

    private static String hex(ByteOut out) {
        return HexFormat.of().formatHex(out.toByteArray());
    }

    private static long[] times(long... t) {
        return t;
    }

    @Test
    void timestampEncodingsMatchInfluxDb() {
        TimeCodec c = new TimeCodec();
        ByteOut out = new ByteOut(16);
        // Equal deltas of 10 s: RLE with divisor 10^10, delta 1, count 3.
        c.encode(times(10_000_000_000L, 20_000_000_000L, 30_000_000_000L), 0, 3, out);
        assertThat(hex(out)).isEqualTo("2a" + "00000002540be400" + "01" + "03");
        // One value: packed with divisor 10^12 and no words.
        out.reset();
        c.encode(times(5), 0, 1, out);
        assertThat(hex(out)).isEqualTo("1c" + "0000000000000005");
        // Unequal deltas 1 and 2: packed, divisor 1, one word of selector 3 (30 x 2 bits) would need
        // 30 values; with 2 values selector 14 (2 x 30 bits) holds them.
        out.reset();
        c.encode(times(0, 1, 3), 0, 3, out);
        assertThat(hex(out)).isEqualTo("10" + "0000000000000000" + "e000000080000001");
        // A delta beyond 2^60: raw first value and deltas.
        out.reset();
        c.encode(times(Long.MIN_VALUE + 2, 0, 1), 0, 3, out);
        assertThat(hex(out)).isEqualTo("00" + "8000000000000002" + "7ffffffffffffffe" + "0000000000000001");
    }

    @Test
    void integerEncodingsMatchInfluxDb() {
        IntegerCodec c = new IntegerCodec();
        ByteOut out = new ByteOut(16);
        // 5, 5, 5: zigzag(5)=10 then delta 0 twice: RLE first 10, delta 0, repeat 2.
        c.encode(new long[] {5, 5, 5}, 0, 3, out);
        assertThat(hex(out)).isEqualTo("20" + "000000000000000a" + "00" + "02");
        // -1, 1: zigzag 1 and 4, packed.
        out.reset();
        c.encode(new long[] {-1, 1}, 0, 2, out);
        assertThat(hex(out)).isEqualTo("10" + "0000000000000001" + "f000000000000004");
        // MAX then MIN: zigzag(MAX) overflows simple8b, so raw zigzags (the wrapped delta 1 is 2).
        out.reset();
        c.encode(new long[] {Long.MAX_VALUE, Long.MIN_VALUE}, 0, 2, out);
        assertThat(hex(out)).isEqualTo("00" + "fffffffffffffffe" + "0000000000000002");
    }

    @Test
    void floatAndBooleanAndStringColumns() {
        FloatCodec f = new FloatCodec();
        ByteOut out = new ByteOut(16);
        f.encode(new long[] {Double.doubleToRawLongBits(1.0)}, 0, 1, out);
        // 1.0, then the NaN sentinel: XOR 0x4008000000000001 -> '11', leading 1, 63 significant bits.
        assertThat(out.toByteArray()[0]).isEqualTo((byte) 0x10);
        long[] back = FloatCodec.decode(out.array(), 0, out.size(), new long[1], new int[1], 10);
        assertThat(Double.longBitsToDouble(back[0])).isEqualTo(1.0);
        out.reset();
        BooleanCodec.encode(new long[] {1, 0, 1, 1, 0, 0, 0, 0, 1}, 0, 9, out);
        assertThat(hex(out)).isEqualTo("10" + "09" + "b0" + "80");
        assertThatThrownBy(() -> f.encode(new long[] {Double.doubleToRawLongBits(Double.NaN)}, 0, 1, new ByteOut(8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomBlocksRoundTrip() {
        Random r = TestSeeds.random("BlockCodecTest.randomBlocksRoundTrip");
        for (int it = 0; it < TestSeeds.iterations(400); it++) {
            FieldType type = FieldType.values()[r.nextInt(FieldType.values().length)];
            roundTrip(BlockValuesGen.random(r, type, 1 + r.nextInt(r.nextBoolean() ? 5 : 1500)));
        }
    }

    @Test
    void edgeValuesRoundTrip() {
        for (FieldType type : FieldType.values()) {
            roundTrip(BlockValuesGen.edges(type));
        }
    }

    @Test
    void corruptBlocksAreRejected() {
        BlockValues v = BlockValuesGen.edges(FieldType.INTEGER);
        ByteOut out = new ByteOut(64);
        codec.encode(v, 0, v.size(), out);
        byte[] b = out.toByteArray();
        byte[] unknownType = b.clone();
        unknownType[0] = 9;
        assertThatThrownBy(() -> codec.decode(unknownType, 0, unknownType.length, new BlockValues(4)))
                .isInstanceOf(CorruptBlockException.class).hasMessageContaining("unknown block type 9");
        for (int cut = 1; cut < b.length; cut++) {
            int end = cut;
            try {
                codec.decode(b, 0, end, new BlockValues(4));
                throw new AssertionError("a block cut at " + cut + " of " + b.length + " decoded");
            } catch (CorruptBlockException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
