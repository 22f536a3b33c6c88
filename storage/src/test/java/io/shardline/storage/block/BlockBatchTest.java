package io.shardline.storage.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.FieldType;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The batch's groups encode to exactly the segment their columns give when built directly (fields
 * in first-seen order, values in arrival order, then sorted and resolved), whatever the interleaving
 * of groups, and the batch is reusable after writes of any size.
 */
class BlockBatchTest {

    private static final long BUCKET = 7_200_000_000_000L;
    private static final FieldType[] TYPES = {FieldType.FLOAT, FieldType.INTEGER, FieldType.STRING,
            FieldType.BOOLEAN};

    @Test
    void interleavedGroupsEncodeAsTheirColumnsBuiltDirectly() {
        long seed = Long.getLong("shardline.seed", System.nanoTime());
        System.out.println("BlockBatchTest seed " + seed + " (-Dshardline.seed=" + seed + " repeats it)");
        Random rnd = new Random(seed);
        BlockBatch batch = new BlockBatch();
        for (int round = 0; round < 4; round++) {
            int values = round == 2 ? BlockBatch.RETAINED_VALUES + 5_000 : 1 + rnd.nextInt(3_000);
            Map<Long, List<Column>> expected = new LinkedHashMap<>();
            for (int i = 0; i < values; i++) {
                int series = rnd.nextInt(round == 2 ? 20_000 : 300);
                int bucket = rnd.nextInt(3);
                int field = rnd.nextInt(TYPES.length);
                FieldType type = TYPES[field];
                long ts = BUCKET + rnd.nextInt(50);
                long version = 1 + rnd.nextInt(4);
                long bits = type == FieldType.BOOLEAN ? rnd.nextInt(2) : rnd.nextLong();
                String s = type == FieldType.STRING ? "v" + rnd.nextInt(100) : null;
                batch.add(series, bucket, field, type, ts, version, bits, s);
                List<Column> cols = expected.computeIfAbsent(((long) series << 32) | bucket, k -> new ArrayList<>());
                Column c = cols.stream().filter(x -> x.fieldId == field).findFirst().orElse(null);
                if (c == null) {
                    c = new Column(4).reset(field, null, type);
                    cols.add(c);
                }
                c.add(ts, version, bits, s);
            }
            assertThat(batch.groups()).as("seed %d", seed).hasSize(expected.size());
            for (BlockBatch.Group g : batch.groups()) {
                List<Column> cols = expected.get(((long) g.seriesId << 32) | g.bucket);
                assertThat(batch.encode(g, BUCKET)).as("seed %d", seed).isEqualTo(direct(cols));
            }
            batch.clear();
            assertThat(batch.isEmpty()).isTrue();
        }
    }

    @Test
    void runsAddedWholeEncodeAsTheirValuesAddedOneByOne() {
        long seed = Long.getLong("shardline.seed", System.nanoTime());
        System.out.println("BlockBatchTest runs seed " + seed + " (-Dshardline.seed=" + seed + " repeats it)");
        Random rnd = new Random(seed);
        BlockBatch runs = new BlockBatch();
        BlockBatch single = new BlockBatch();
        for (int round = 0; round < 4; round++) {
            int links = round == 2 ? 400 : 1 + rnd.nextInt(60);
            for (int l = 0; l < links; l++) {
                int series = rnd.nextInt(round == 2 ? 50 : 8);
                int field = rnd.nextInt(TYPES.length);
                FieldType type = TYPES[field];
                long version = 1 + rnd.nextInt(4);
                if (rnd.nextInt(4) == 0) { // a write's value among the runs
                    long ts = Buckets.start(rnd.nextInt(3)) + rnd.nextInt(50);
                    long bits = rnd.nextLong();
                    String s = type == FieldType.STRING ? "w" + rnd.nextInt(9) : null;
                    runs.add(series, Buckets.index(ts), field, type, ts, version, type == FieldType.STRING ? 0 : bits, s);
                    single.add(series, Buckets.index(ts), field, type, ts, version, type == FieldType.STRING ? 0 : bits, s);
                    continue;
                }
                // ascending, sometimes one timestamp only, often across bucket boundaries
                int n = 1 + rnd.nextInt(round == 2 ? 600 : 40);
                long[] times = new long[n + 3];
                long[] bits = new long[n + 3];
                String[] strings = new String[n + 3];
                long t = Buckets.start(rnd.nextInt(3)) - rnd.nextInt(3) * (Buckets.NANOS / 2);
                long step = rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt((int) (Buckets.NANOS / 20_000)) * 1000L;
                for (int i = 0; i < n; i++) {
                    times[i] = t;
                    t += step * (1 + rnd.nextInt(3));
                    bits[i] = rnd.nextLong();
                    strings[i] = "v" + rnd.nextInt(100);
                }
                bits[n] = 99; // beyond count: never read
                runs.addRun(series, field, type, times, bits, strings, n, version);
                for (int i = 0; i < n; i++) {
                    boolean string = type == FieldType.STRING;
                    single.add(series, Buckets.index(times[i]), field, type, times[i], version, string ? 0 : bits[i],
                            string ? strings[i] : null);
                }
            }
            assertThat(runs.groups()).as("seed %d", seed).hasSameSizeAs(single.groups());
            for (int i = 0; i < single.groups().size(); i++) {
                BlockBatch.Group a = runs.groups().get(i);
                BlockBatch.Group b = single.groups().get(i);
                assertThat(new long[] {a.seriesId, a.bucket, a.oneRow() ? 1 : 0}).as("seed %d", seed)
                        .containsExactly(b.seriesId, b.bucket, b.oneRow() ? 1 : 0);
                boolean compact = rnd.nextBoolean();
                assertThat(runs.encode(a, Buckets.start(a.bucket), compact)).as("seed %d", seed)
                        .isEqualTo(single.encode(b, Buckets.start(b.bucket), compact));
            }
            runs.clear();
            single.clear();
        }
    }

    @Test
    void aGroupKnowsWhetherItHoldsOneRow() {
        BlockBatch batch = new BlockBatch();
        batch.add(1, 0, 1, FieldType.FLOAT, BUCKET, 1, 1, null);
        batch.add(1, 0, 2, FieldType.INTEGER, BUCKET, 1, 2, null);
        batch.add(2, 0, 1, FieldType.FLOAT, BUCKET, 1, 1, null);
        batch.add(2, 0, 1, FieldType.FLOAT, BUCKET + 1, 1, 1, null);
        assertThat(batch.groups()).extracting(BlockBatch.Group::oneRow).containsExactly(true, false);
        long[] same = {BUCKET, BUCKET, BUCKET};
        long[] bits = {1, 2, 3};
        batch.addRun(3, 1, FieldType.FLOAT, same, bits, null, 3, 1);
        batch.addRun(3, 2, FieldType.FLOAT, same, bits, null, 2, 1);
        batch.addRun(4, 1, FieldType.FLOAT, new long[] {BUCKET, BUCKET + 1}, bits, null, 2, 1);
        batch.addRun(5, 1, FieldType.FLOAT, same, bits, null, 1, 1);
        batch.addRun(5, 2, FieldType.FLOAT, new long[] {BUCKET + 1}, bits, null, 1, 1);
        assertThat(batch.groups()).extracting(BlockBatch.Group::oneRow).containsExactly(true, false, true, false,
                false);
    }

    private static byte[] direct(List<Column> cols) {
        for (Column c : cols) {
            if (!c.strictlyAscending()) {
                ColumnSort.sortResolve(c);
            }
        }
        ByteSink out = new ByteSink(64);
        BlockCodec.writeSegment(out, new ByteSink(64), new ByteSink(64), BUCKET, cols.toArray(new Column[0]),
                cols.size(), false);
        return out.toByteArray();
    }
}
