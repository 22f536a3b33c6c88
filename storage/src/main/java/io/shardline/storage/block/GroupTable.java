package io.shardline.storage.block;

import java.util.Arrays;

/**
 * The groups of one {@link BlockBatch} by (series id, bucket): an open-addressing table with linear
 * probing, cleared and reused from write to write (a boxed-key map cost an entry and a key object per
 * group). Its table shrinks back when a write much larger than usual is over. Not thread-safe.
 */
final class GroupTable {

    private static final int INITIAL = 1 << 10;
    private static final int RETAINED = 1 << 15;

    private BlockBatch.Group[] slots = new BlockBatch.Group[INITIAL];
    private int size;

    BlockBatch.Group get(int seriesId, int bucket) {
        int mask = slots.length - 1;
        for (int i = slot(seriesId, bucket, mask); ; i = (i + 1) & mask) {
            BlockBatch.Group g = slots[i];
            if (g == null || g.seriesId == seriesId && g.bucket == bucket) {
                return g;
            }
        }
    }

    /** Adds a group not in the table. */
    void put(BlockBatch.Group g) {
        if (2 * (size + 1) > slots.length) {
            resize(slots.length * 2);
        }
        insert(slots, g);
        size++;
    }

    void clear() {
        if (slots.length > RETAINED) {
            slots = new BlockBatch.Group[INITIAL];
        } else if (size > 0) {
            Arrays.fill(slots, null);
        }
        size = 0;
    }

    private void resize(int capacity) {
        BlockBatch.Group[] bigger = new BlockBatch.Group[capacity];
        for (BlockBatch.Group g : slots) {
            if (g != null) {
                insert(bigger, g);
            }
        }
        slots = bigger;
    }

    private static void insert(BlockBatch.Group[] table, BlockBatch.Group g) {
        int mask = table.length - 1;
        int i = slot(g.seriesId, g.bucket, mask);
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = g;
    }

    private static int slot(int seriesId, int bucket, int mask) {
        long h = (((long) seriesId << 32) | (bucket & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
