package io.shardline.storage.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.FieldType;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.SeriesTombstones;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round trips of block segments, Gorilla floats, and merging by version. */
class BlockCodecTest {

    private static final long BUCKET = 7_200_000_000_000L;

    @Test
    void everyTypeRoundTripsInBothForms() {
        long seed = Long.getLong("shardline.seed", 20261206L);
        Random rnd = new Random(seed);
        for (boolean compact : new boolean[] {false, true}) {
            Column[] cols = {column(1, FieldType.FLOAT, rnd, 300), column(2, FieldType.INTEGER, rnd, 300),
                    column(3, FieldType.UNSIGNED, rnd, 300), column(4, FieldType.BOOLEAN, rnd, 13),
                    column(5, FieldType.STRING, rnd, 7)};
            ByteSink out = new ByteSink(16);
            BlockCodec.writeSegment(out, new ByteSink(16), new ByteSink(16), BUCKET, cols, cols.length, compact);
            BlockColumns read = new BlockColumns();
            assertThat(new BlockReader().read(out.toByteArray(), BUCKET, id -> true, read)).isEqualTo(1);
            assertThat(read.count()).isEqualTo(5);
            for (Column c : cols) {
                assertSame(read.get(c.fieldId), c, "seed " + seed);
            }
            assertThat(BlockReader.isCompact(out.toByteArray())).isEqualTo(compact);
        }
    }

    @Test
    void gorillaKeepsSpecialBitPatterns() {
        long[] values = {Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(-0.0), 1, -1, Long.MIN_VALUE,
                Long.MAX_VALUE, Double.doubleToRawLongBits(Double.MIN_VALUE), 0, 0, 42};
        ByteSink out = new ByteSink(8);
        Gorilla.encode(values, values.length, out);
        BitReader r = new BitReader();
        r.reset(out.array(), 0, out.length());
        long[] back = new long[values.length];
        Gorilla.decode(r, back, values.length);
        assertThat(back).containsExactly(values);
    }

    @Test
    void segmentsMergeByVersionAndSkipUnwantedColumns() {
        Column a = new Column(4).reset(7, null, FieldType.FLOAT);
        a.add(BUCKET + 1, 5, 10, null);
        a.add(BUCKET + 3, 1, 30, null);
        Column other = new Column(4).reset(8, null, FieldType.INTEGER);
        other.add(BUCKET + 1, 5, 99, null);
        Column b = new Column(4).reset(7, null, FieldType.FLOAT);
        b.add(BUCKET + 1, 4, 11, null);
        b.add(BUCKET + 2, 1, 20, null);
        b.add(BUCKET + 3, 2, 31, null);
        ByteSink out = new ByteSink(16);
        BlockCodec.writeSegment(out, new ByteSink(16), new ByteSink(16), BUCKET, new Column[] {a, other}, 2, false);
        BlockCodec.writeSegment(out, new ByteSink(16), new ByteSink(16), BUCKET, new Column[] {b}, 1, false);
        BlockColumns read = new BlockColumns();
        assertThat(new BlockReader().read(out.toByteArray(), BUCKET, id -> id == 7, read)).isEqualTo(2);
        assertThat(read.count()).isEqualTo(1);
        Column m = read.get(7);
        assertThat(java.util.Arrays.copyOf(m.bits, m.size)).containsExactly(10, 20, 31);
        assertThat(java.util.Arrays.copyOf(m.versions, m.size)).containsExactly(5, 1, 2);
        BlockReader.filter(read, SeriesTombstones.NONE, BUCKET + 2, BUCKET + 3);
        assertThat(java.util.Arrays.copyOf(read.get(7).ts, 2)).containsExactly(BUCKET + 2, BUCKET + 3);
    }

    @Test
    void sortResolveKeepsTheWinnerOfEachTimestamp() {
        Column c = new Column(4).reset(1, null, FieldType.INTEGER);
        c.add(30, 1, 3, null);
        c.add(10, 1, 1, null);
        c.add(30, 1, 4, null);
        ColumnSort.sortResolve(c);
        assertThat(java.util.Arrays.copyOf(c.ts, c.size)).containsExactly(10, 30);
        assertThat(java.util.Arrays.copyOf(c.bits, c.size)).containsExactly(1, 4);
    }

    private static Column column(int id, FieldType type, Random rnd, int n) {
        Column c = new Column(n).reset(id, null, type);
        long t = BUCKET + rnd.nextInt(1000);
        long version = 1L << 20;
        for (int i = 0; i < n; i++) {
            t += 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(1_000_000) : 10_000);
            version += rnd.nextInt(3) == 0 ? rnd.nextInt(100) - 50 : 0;
            long bits = switch (type) {
                case FLOAT -> Double.doubleToRawLongBits(Math.round(rnd.nextGaussian() * 10000) / 100.0);
                case BOOLEAN -> rnd.nextInt(2);
                case STRING -> 0;
                default -> rnd.nextLong() >> rnd.nextInt(64);
            };
            c.add(t, version, bits, type == FieldType.STRING ? "s\u00e9" + rnd.nextInt() : null);
        }
        return c;
    }

    private static void assertSame(Column actual, Column expected, String seed) {
        assertThat(actual.size).as(seed).isEqualTo(expected.size);
        assertThat(actual.type).isEqualTo(expected.type);
        for (int i = 0; i < expected.size; i++) {
            assertThat(actual.ts[i]).as(seed).isEqualTo(expected.ts[i]);
            assertThat(actual.versions[i]).as(seed).isEqualTo(expected.versions[i]);
            assertThat(actual.bits[i]).as(seed).isEqualTo(expected.bits[i]);
            assertThat(actual.string(i)).as(seed).isEqualTo(expected.string(i));
        }
    }
}
