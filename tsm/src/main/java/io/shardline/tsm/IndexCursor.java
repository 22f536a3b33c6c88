package io.shardline.tsm;

import io.shardline.common.error.ShardlineException;
import io.shardline.model.FieldType;
import io.shardline.tsm.block.BlockCodec;
import io.shardline.tsm.internal.ChannelInput;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Walks the index of one TSM file key by key, holding only the current key and its entries. Keys
 * must ascend strictly, entries must point at blocks inside the data section, and the index must
 * end exactly where the footer starts; anything else is a corrupt file. Not thread-safe.
 */
public final class IndexCursor {

    private final TsmReader reader;
    private final ChannelInput in;
    private byte[] key;
    private int blockType;
    private final List<IndexEntry> entries = new ArrayList<>();

    IndexCursor(TsmReader reader, ChannelInput in) {
        this.reader = reader;
        this.in = in;
    }

    /** Moves to the next key; false after the last one. */
    public boolean next() {
        if (in.remaining() == 0) {
            key = null;
            return false;
        }
        long at = in.position();
        try {
            int keyLen = in.u16();
            if (keyLen == 0) {
                throw fail(at, "empty key");
            }
            byte[] k = in.bytes(keyLen);
            if (key != null && TsmKey.ORDER.compare(key, k) >= 0) {
                throw fail(at, "key " + TsmReader.keyText(k) + " is not after " + TsmReader.keyText(key));
            }
            int type = in.u8();
            try {
                BlockCodec.fieldType(type);
            } catch (RuntimeException e) {
                throw fail(at, "unknown block type " + type + " for key " + TsmReader.keyText(k));
            }
            int count = in.u16();
            if (count == 0) {
                throw fail(at, "key " + TsmReader.keyText(k) + " has no blocks");
            }
            entries.clear();
            for (int i = 0; i < count; i++) {
                entries.add(readEntry(k, at));
            }
            key = k;
            blockType = type;
            return true;
        } catch (EOFException e) {
            throw fail(at, "truncated index (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ShardlineException(io.shardline.common.error.ErrorCode.IO_ERROR,
                    "tsm file " + reader.path() + ": reading index: " + e.getMessage(), e);
        }
    }

    private IndexEntry readEntry(byte[] k, long at) throws IOException {
        long min = in.u64();
        long max = in.u64();
        long offset = in.u64();
        long size = in.u32() & 0xFFFFFFFFL;
        if (min > max) {
            throw fail(at, "key " + TsmReader.keyText(k) + ": block min time " + min + " after max time " + max);
        }
        if (offset < TsmFormat.HEADER_SIZE || size <= TsmFormat.CRC_SIZE || size > Integer.MAX_VALUE
                || offset + size > reader.indexOffset()) {
            throw fail(at, "key " + TsmReader.keyText(k) + ": block at offset " + offset + " of " + size
                    + " bytes lies outside the data section");
        }
        return new IndexEntry(min, max, offset, (int) size);
    }

    private ShardlineException fail(long at, String what) {
        return TsmReader.corrupt(reader.path(), "index at offset " + at + ": " + what);
    }

    /** The current key (do not modify). */
    public byte[] key() {
        return key;
    }

    /** The current key parsed into series and field. */
    public TsmKey parsedKey() {
        try {
            return TsmKey.parse(key);
        } catch (IllegalArgumentException e) {
            throw TsmReader.corrupt(reader.path(), "key " + TsmReader.keyText(key) + ": " + e.getMessage());
        }
    }

    /** The TSM block type of the current key. */
    public int blockType() {
        return blockType;
    }

    public FieldType fieldType() {
        return BlockCodec.fieldType(blockType);
    }

    /** The blocks of the current key, in index order. */
    public List<IndexEntry> entries() {
        return Collections.unmodifiableList(entries);
    }
}
