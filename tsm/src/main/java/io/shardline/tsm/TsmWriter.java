package io.shardline.tsm;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.tsm.block.BlockCodec;
import io.shardline.tsm.block.BlockValues;
import io.shardline.tsm.block.ByteOut;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes one TSM file block by block, in the layout of {@link TsmFormat}: the data goes to
 * {@code <path>.tmp}, each finished key's index section to {@code <path>.idx.tmp} (so memory stays
 * bounded whatever the number of keys), and {@link #finish()} appends the index and footer, syncs
 * and renames the file into place. Keys must ascend strictly; blocks of one key must follow each
 * other in time. {@link #close()} without {@code finish()} removes the partial files. Not thread-safe.
 */
public final class TsmWriter implements Closeable {

    private final Path path;
    private final Path tmp;
    private final Path indexTmp;
    private final FileChannel channel;
    private final OutputStream data;
    private final OutputStream index;
    private final BlockCodec codec = new BlockCodec();
    private final ByteOut block = new ByteOut(16 * 1024);
    private final ByteOut indexBuf = new ByteOut(4096);
    private final CRC32 crc = new CRC32();
    private final List<IndexEntry> entries = new ArrayList<>();
    private byte[] key;
    private int keyType;
    private long position;
    private long keys;
    private boolean done;

    private TsmWriter(Path path) throws IOException {
        this.path = path;
        this.tmp = path.resolveSibling(path.getFileName() + ".tmp");
        this.indexTmp = path.resolveSibling(path.getFileName() + ".idx.tmp");
        this.channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.data = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
        this.index = new BufferedOutputStream(Files.newOutputStream(indexTmp), 1 << 16);
    }

    /** Starts writing the file {@code path} (which appears only on {@link #finish()}). */
    public static TsmWriter create(Path path) {
        try {
            TsmWriter w = new TsmWriter(path);
            w.block.reset();
            w.block.putInt(TsmFormat.MAGIC);
            w.block.put(TsmFormat.VERSION);
            w.emit(w.block);
            return w;
        } catch (IOException e) {
            throw ioError(path, "create", e);
        }
    }

    public Path path() {
        return path;
    }

    /** Bytes written so far (header and blocks; the index comes on finish). */
    public long size() {
        return position;
    }

    /** Number of keys started so far. */
    public long keyCount() {
        return keys;
    }

    /** Number of blocks of {@code key} in this file, 0 when it is not the current key. */
    public int blockCount(byte[] key) {
        return this.key != null && TsmKey.ORDER.compare(this.key, key) == 0 ? entries.size() : 0;
    }

    /** Encodes values {@code [from, to)} of {@code v} as the next block of {@code key}. */
    public void writeBlock(byte[] key, BlockValues v, int from, int to) {
        block.reset();
        codec.encode(v, from, to, block);
        append(key, BlockCodec.blockType(v.type()), v.time(from), v.time(to - 1), block.array(), 0, block.size());
    }

    /**
     * Appends an already encoded block (type byte onwards) of {@code key} spanning
     * {@code [minTime, maxTime]}, as read by {@link TsmReader#readRawBlock}.
     */
    public void writeRawBlock(byte[] key, int blockType, long minTime, long maxTime, byte[] raw, int off, int len) {
        if (len < 1 || (raw[off] & 0xFF) != blockType) {
            throw new IllegalArgumentException("raw block does not start with its type " + blockType);
        }
        append(key, blockType, minTime, maxTime, raw, off, len);
    }

    private void append(byte[] k, int type, long min, long max, byte[] b, int off, int len) {
        checkOpen();
        if (k.length == 0 || k.length > TsmFormat.MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key length " + k.length + " outside 1.." + TsmFormat.MAX_KEY_LENGTH);
        }
        int cmp = key == null ? 1 : TsmKey.ORDER.compare(k, key);
        if (cmp < 0) {
            throw new IllegalArgumentException("key " + TsmReader.keyText(k) + " written after " + TsmReader.keyText(key));
        }
        if (cmp == 0) {
            if (type != keyType) {
                throw new IllegalArgumentException("key " + TsmReader.keyText(k) + " has blocks of types " + keyType + " and " + type);
            }
            if (entries.size() == TsmFormat.MAX_BLOCKS_PER_KEY) {
                throw new IllegalStateException("key " + TsmReader.keyText(k) + " has " + TsmFormat.MAX_BLOCKS_PER_KEY
                        + " blocks in this file, the most the index can hold");
            }
            if (min <= entries.get(entries.size() - 1).maxTime()) {
                throw new IllegalArgumentException("block of " + TsmReader.keyText(k) + " starting at " + min
                        + " does not follow the previous block");
            }
        } else {
            endKey();
            key = k.clone();
            keyType = type;
            keys++;
        }
        crc.reset();
        crc.update(b, off, len);
        try {
            byte[] c = {(byte) (crc.getValue() >>> 24), (byte) (crc.getValue() >>> 16), (byte) (crc.getValue() >>> 8),
                (byte) crc.getValue()};
            data.write(c);
            data.write(b, off, len);
        } catch (IOException e) {
            throw ioError(path, "write", e);
        }
        entries.add(new IndexEntry(min, max, position, len + TsmFormat.CRC_SIZE));
        position += len + TsmFormat.CRC_SIZE;
    }

    // Serialises the current key's index section into the index spill file.
    private void endKey() {
        if (key == null) {
            return;
        }
        indexBuf.reset();
        indexBuf.put(key.length >>> 8);
        indexBuf.put(key.length);
        indexBuf.put(key, 0, key.length);
        indexBuf.put(keyType);
        indexBuf.put(entries.size() >>> 8);
        indexBuf.put(entries.size());
        for (IndexEntry e : entries) {
            indexBuf.putLong(e.minTime());
            indexBuf.putLong(e.maxTime());
            indexBuf.putLong(e.offset());
            indexBuf.putInt(e.size());
        }
        try {
            index.write(indexBuf.array(), 0, indexBuf.size());
        } catch (IOException e) {
            throw ioError(path, "write index", e);
        }
        entries.clear();
    }

    /**
     * Writes the index and footer, syncs, and renames the file into place. A file without any
     * block is refused ({@link IllegalStateException}), as InfluxDB never writes one.
     */
    public void finish() {
        checkOpen();
        if (key == null) {
            throw new IllegalStateException("no blocks written to " + path);
        }
        endKey();
        try {
            index.close();
            long indexStart = position;
            try (InputStream in = Files.newInputStream(indexTmp)) {
                in.transferTo(data);
            }
            block.reset();
            block.putLong(indexStart);
            emit(block);
            data.flush();
            channel.force(true);
            data.close();
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(indexTmp);
            done = true;
        } catch (IOException e) {
            throw ioError(path, "finish", e);
        }
    }

    private void emit(ByteOut b) throws IOException {
        data.write(b.array(), 0, b.size());
        position += b.size();
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("tsm writer for " + path + " is finished or closed");
        }
    }

    /** Removes the partial files unless {@link #finish()} completed. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            index.close();
        } catch (IOException ignored) {
            // removing anyway
        }
        try {
            data.close();
        } catch (IOException ignored) {
            // removing anyway
        }
        try {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(indexTmp);
        } catch (IOException e) {
            throw ioError(path, "remove partial file", e);
        }
    }

    private static ShardlineException ioError(Path path, String what, IOException e) {
        return new ShardlineException(ErrorCode.IO_ERROR, "tsm file " + path + ": " + what + ": " + e.getMessage(), e);
    }
}
