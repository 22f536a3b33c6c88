package io.shardline.tsm;

import io.shardline.tsm.block.BlockValues;
import java.util.List;

/**
 * The values of one key in one TSM file, block by block in time order, with that file's
 * tombstones for the key applied. Holds one decoded block. Not thread-safe.
 */
final class KeyStream {

    final TsmReader reader;
    final int fileOrder;
    private final byte[] key;
    private final int blockType;
    private final List<IndexEntry> entries;
    private final List<Tombstone> tombstones;
    private final BlockValues block;
    private int nextEntry;
    int pos;

    KeyStream(TsmReader reader, int fileOrder, byte[] key, int blockType, List<IndexEntry> entries,
            List<Tombstone> tombstones, BlockValues block) {
        this.reader = reader;
        this.fileOrder = fileOrder;
        this.key = key;
        this.blockType = blockType;
        this.entries = entries;
        this.tombstones = tombstones;
        this.block = block;
        // The block holder is shared between the keys of one file: start empty.
        block.reset(io.shardline.tsm.block.BlockCodec.fieldType(blockType));
    }

    int blockType() {
        return blockType;
    }

    /** The current block (valid while {@link #fill()} is true). */
    BlockValues block() {
        return block;
    }

    /** Ensures a current value; false when the key has no more values in this file. */
    boolean fill() {
        while (pos >= block.size()) {
            if (nextEntry == entries.size()) {
                return false;
            }
            IndexEntry e = entries.get(nextEntry++);
            if (deletedWhole(e)) {
                continue;
            }
            reader.readBlock(key, blockType, e, block);
            for (Tombstone t : tombstones) {
                block.removeRange(t.min(), t.max());
            }
            pos = 0;
        }
        return true;
    }

    long time() {
        return block.time(pos);
    }

    private boolean deletedWhole(IndexEntry e) {
        for (Tombstone t : tombstones) {
            if (t.min() <= e.minTime() && e.maxTime() <= t.max()) {
                return true;
            }
        }
        return false;
    }
}
