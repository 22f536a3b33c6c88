package io.shardline.storage.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.FieldType;
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
    void aGroupKnowsWhetherItHoldsOneRow() {
        BlockBatch batch = new BlockBatch();
        batch.add(1, 0, 1, FieldType.FLOAT, BUCKET, 1, 1, null);
        batch.add(1, 0, 2, FieldType.INTEGER, BUCKET, 1, 2, null);
        batch.add(2, 0, 1, FieldType.FLOAT, BUCKET, 1, 1, null);
        batch.add(2, 0, 1, FieldType.FLOAT, BUCKET + 1, 1, 1, null);
        assertThat(batch.groups()).extracting(BlockBatch.Group::oneRow).containsExactly(true, false);
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
