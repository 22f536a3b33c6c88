package io.shardline.tsm;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.tsm.block.BlockCodec;
import io.shardline.tsm.block.BlockValues;
import io.shardline.tsm.block.CorruptBlockException;
import io.shardline.tsm.internal.ChannelInput;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Reads one TSM file without loading it: the header and footer are checked on open, the index is
 * streamed key by key ({@link #index()}), and blocks are read one at a time by position with their
 * CRC-32 verified. Any damage is a {@link ShardlineException} with {@link ErrorCode#CORRUPTED} and a
 * one-line message naming the file (and the key and offset where known). Not thread-safe.
 */
public final class TsmReader implements Closeable {

    private static final int INDEX_BUFFER = 64 * 1024;
    /** Bytes read at once for blocks: see {@link #window}. */
    private static final int READ_AHEAD = 256 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final long indexOffset;
    private final BlockCodec codec = new BlockCodec();
    private final CRC32 crc = new CRC32();
    /**
     * The file's bytes {@code [windowStart, windowStart + windowLength)}: a block outside it is read with up to
     * {@link #READ_AHEAD} bytes after it, as a shard's reader asks for a file's blocks in file order (one read
     * per some hundred blocks instead of one per block).
     */
    private byte[] window = new byte[0];
    private long windowStart;
    private int windowLength;

    private TsmReader(Path path, FileChannel channel, long size, long indexOffset) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.indexOffset = indexOffset;
    }

    /** Opens {@code path} and checks its header and footer. */
    public static TsmReader open(Path path) {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, "tsm file " + path + ": cannot open: " + e.getMessage(), e);
        }
        try {
            long size = ch.size();
            if (size < TsmFormat.HEADER_SIZE + TsmFormat.FOOTER_SIZE) {
                throw corrupt(path, "too short for a TSM header and footer (" + size + " bytes)");
            }
            ByteBuffer b = ByteBuffer.allocate(8);
            readFully(ch, b.limit(TsmFormat.HEADER_SIZE), 0);
            int magic = b.getInt(0);
            if (magic != TsmFormat.MAGIC) {
                throw corrupt(path, String.format("not a TSM file (magic 0x%08X)", magic));
            }
            if (b.get(4) != TsmFormat.VERSION) {
                throw corrupt(path, "unsupported TSM version " + (b.get(4) & 0xFF));
            }
            readFully(ch, b.clear(), size - TsmFormat.FOOTER_SIZE);
            long indexOffset = b.getLong(0);
            if (indexOffset < TsmFormat.HEADER_SIZE || indexOffset >= size - TsmFormat.FOOTER_SIZE) {
                throw corrupt(path, "footer points the index at " + indexOffset + ", outside the file ("
                        + size + " bytes): truncated or damaged footer");
            }
            return new TsmReader(path, ch, size, indexOffset);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            if (e instanceof ShardlineException se) {
                throw se;
            }
            throw new ShardlineException(ErrorCode.IO_ERROR, "tsm file " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    /** File size in bytes. */
    public long size() {
        return size;
    }

    /** Where the index starts. */
    public long indexOffset() {
        return indexOffset;
    }

    /** A new cursor over the index, from the first key. */
    public IndexCursor index() {
        return new IndexCursor(this, new ChannelInput(channel, indexOffset, size - TsmFormat.FOOTER_SIZE, INDEX_BUFFER));
    }

    /**
     * Reads, verifies and decodes the block at {@code entry} of {@code key} into {@code into}.
     * A checksum mismatch, a block type other than {@code expectedType}, undecodable data or
     * timestamps outside the entry's range or not ascending are {@link ErrorCode#CORRUPTED}.
     */
    public void readBlock(byte[] key, int expectedType, IndexEntry entry, BlockValues into) {
        int at = readVerified(key, entry);
        int type = window[at + TsmFormat.CRC_SIZE] & 0xFF;
        if (type != expectedType) {
            throw corruptBlock(key, entry, "block type " + type + " but the index says " + expectedType);
        }
        try {
            codec.decode(window, at + TsmFormat.CRC_SIZE, at + entry.size(), into);
        } catch (CorruptBlockException e) {
            throw corruptBlock(key, entry, e.getMessage());
        }
        long prev = Long.MIN_VALUE;
        for (int i = 0; i < into.size(); i++) {
            long t = into.time(i);
            if (t < entry.minTime() || t > entry.maxTime() || (i > 0 && t <= prev)) {
                throw corruptBlock(key, entry, "timestamp " + t + " is outside [" + entry.minTime() + ", "
                        + entry.maxTime() + "] or not ascending");
            }
            prev = t;
        }
    }

    /** The verified bytes of a block (type byte onwards), for copying without decoding. */
    public byte[] readRawBlock(byte[] key, IndexEntry entry) {
        int at = readVerified(key, entry);
        byte[] out = new byte[entry.size() - TsmFormat.CRC_SIZE];
        System.arraycopy(window, at + TsmFormat.CRC_SIZE, out, 0, out.length);
        return out;
    }

    /** Reads the block of {@code entry} into {@link #window} if not there yet, checks its CRC; returns where it starts. */
    private int readVerified(byte[] key, IndexEntry entry) {
        int n = entry.size();
        long offset = entry.offset();
        if (offset < windowStart || offset + n > windowStart + windowLength) {
            // the index cursor checked that the block ends before the index
            int length = (int) Math.max(n, Math.min(READ_AHEAD, indexOffset - offset));
            if (window.length < length) {
                window = new byte[Math.max(length, READ_AHEAD)];
            }
            windowLength = 0; // nothing valid should the read fail
            try {
                readFully(channel, ByteBuffer.wrap(window, 0, length), offset);
            } catch (IOException e) {
                throw new ShardlineException(ErrorCode.IO_ERROR, "tsm file " + path + ": reading block of key "
                        + keyText(key) + " at offset " + offset + ": " + e.getMessage(), e);
            }
            windowStart = offset;
            windowLength = length;
        }
        int at = (int) (offset - windowStart);
        crc.reset();
        crc.update(window, at + TsmFormat.CRC_SIZE, n - TsmFormat.CRC_SIZE);
        int stored = ByteBuffer.wrap(window, at, TsmFormat.CRC_SIZE).getInt();
        if ((int) crc.getValue() != stored) {
            throw corruptBlock(key, entry, String.format("checksum mismatch (stored %08x, computed %08x)",
                    stored, (int) crc.getValue()));
        }
        return at;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int r = ch.read(b, pos + b.position());
            if (r < 0) {
                throw new EOFException("unexpected end of file at " + (pos + b.position()));
            }
        }
    }

    ShardlineException corruptBlock(byte[] key, IndexEntry entry, String what) {
        return corrupt(path, "key " + keyText(key) + ", block at offset " + entry.offset() + ": " + what);
    }

    static ShardlineException corrupt(Path path, String what) {
        return new ShardlineException(ErrorCode.CORRUPTED, "tsm file " + path + ": " + what);
    }

    static String keyText(byte[] key) {
        String s = new String(key, StandardCharsets.UTF_8);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, "tsm file " + path + ": close: " + e.getMessage(), e);
        }
    }
}
