package io.shardline.common.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.ZipException;

/**
 * The uncompressed bytes of a gzip file whose deflate stream is stored blocks only (what a backup
 * written at level none is), read through memory maps, one 64 MiB window at a time: each byte is
 * copied once, from the mapped page into the caller's array, where {@link java.util.zip.GZIPInputStream}
 * copied it three times (read into a buffer, into zlib's window and out of it). The gzip CRC-32 is
 * computed on the way and checked with the length against the trailer at the end, as {@code
 * GZIPInputStream} does. {@link #open} walks the block headers first (a few bytes per 64 KiB) and
 * declines any other file: a header with flags, a compressed block, a second member, bytes after the
 * trailer. Not thread-safe.
 */
final class StoredGzipFile extends InputStream {

    private static final int WINDOW_BITS = 26; // 64 MiB per map
    private static final long WINDOW_MASK = (1L << WINDOW_BITS) - 1;
    private static final int HEADER = 10;
    private static final int BLOCK_HEADER = 5;
    private static final int TRAILER = 8;

    private final FileChannel channel;
    private final long size;
    /** The mapped window being read (one at a time: a window read past is left to the collector). */
    private MappedByteBuffer window;
    private long windowIndex = -1;
    private final CRC32 crc = new CRC32();
    private long position = HEADER;
    private int blockLeft;
    private boolean lastBlock;
    private boolean ended;
    private long uncompressed;

    private StoredGzipFile(FileChannel channel, long size) {
        this.channel = channel;
        this.size = size;
    }

    /** The file as a stream of its uncompressed bytes, or null if it is not one member of stored blocks. */
    static StoredGzipFile open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            StoredGzipFile in = new StoredGzipFile(channel, channel.size());
            if (in.storedOnly()) {
                return in;
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return null;
    }

    /** Whether the file is a gzip header without flags, stored blocks up to a final one, and the trailer. */
    private boolean storedOnly() throws IOException {
        if (size < HEADER + BLOCK_HEADER + TRAILER || byteAt(0) != 0x1f || byteAt(1) != 0x8b || byteAt(2) != 8
                || byteAt(3) != 0) {
            return false;
        }
        long at = HEADER;
        while (at + BLOCK_HEADER <= size - TRAILER) {
            int header = byteAt(at);
            int len = byteAt(at + 1) | byteAt(at + 2) << 8;
            int nlen = byteAt(at + 3) | byteAt(at + 4) << 8;
            if ((header & 0x06) != 0 || (len ^ nlen) != 0xffff) {
                return false; // a compressed block, or not a stored block's header
            }
            at += BLOCK_HEADER + len;
            if ((header & 1) != 0) {
                return at == size - TRAILER;
            }
        }
        return false;
    }

    private int byteAt(long at) throws IOException {
        return window(at).get((int) (at & WINDOW_MASK)) & 0xff;
    }

    /** The mapped window holding byte {@code at}. */
    private MappedByteBuffer window(long at) throws IOException {
        long index = at >>> WINDOW_BITS;
        if (index != windowIndex) {
            long start = index << WINDOW_BITS;
            window = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(1L << WINDOW_BITS, size - start));
            windowIndex = index;
        }
        return window;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (blockLeft == 0) {
            if (lastBlock) {
                end();
                return -1;
            }
            int header = byteAt(position);
            blockLeft = byteAt(position + 1) | byteAt(position + 2) << 8;
            lastBlock = (header & 1) != 0;
            position += BLOCK_HEADER;
        }
        int n = Math.min(len, blockLeft);
        for (int done = 0; done < n; ) {
            MappedByteBuffer w = window(position);
            int at = (int) (position & WINDOW_MASK);
            int k = Math.min(n - done, w.limit() - at);
            w.get(at, b, off + done, k);
            position += k;
            done += k;
        }
        crc.update(b, off, n);
        blockLeft -= n;
        uncompressed += n;
        return n;
    }

    /** Checks the trailer once: the CRC-32 and length of what was read. */
    private void end() throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        if (position + TRAILER != size) {
            throw new EOFException("gzip stream ends early");
        }
        long storedCrc = 0;
        long storedSize = 0;
        for (int i = 3; i >= 0; i--) {
            storedCrc = storedCrc << 8 | byteAt(position + i);
            storedSize = storedSize << 8 | byteAt(position + 4 + i);
        }
        if (storedCrc != crc.getValue() || storedSize != (uncompressed & 0xffffffffL)) {
            throw new ZipException("Corrupt GZIP trailer");
        }
    }

    @Override
    public int available() {
        return blockLeft;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
