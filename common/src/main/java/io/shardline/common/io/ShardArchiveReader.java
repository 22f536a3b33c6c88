package io.shardline.common.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads one shard archive ({@code .tar.gz}) file by file, in order: {@link #next} moves to the next
 * file, {@link #read} returns its bytes in chunks. Not thread-safe.
 */
public final class ShardArchiveReader implements AutoCloseable {

    private final InputStream in;
    private TarFormat.Entry current;
    private long left;
    private int pad;

    /**
     * Reads the archive file; one of stored deflate blocks only (a backup at level none) is read
     * straight from its mapped pages ({@link StoredGzipFile}), any other through {@link GZIPInputStream}.
     */
    public ShardArchiveReader(Path archive) throws IOException {
        this(StoredGzipFile.open(archive), archive);
    }

    /** Reads the archive from {@code compressed} (its gzip bytes, for example as they arrive); closes it at the end. */
    public ShardArchiveReader(InputStream compressed) throws IOException {
        this.in = new GZIPInputStream(compressed, 1 << 20);
    }

    private ShardArchiveReader(InputStream stored, Path archive) throws IOException {
        this.in = stored != null ? stored
                : new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 20), 1 << 20);
    }

    /** The next file's header, null at the end of the archive. */
    public TarFormat.Entry next() throws IOException {
        String paxPath = null;
        while (true) {
            if (current != null) {
                in.skipNBytes(left + pad);
            }
            byte[] header = in.readNBytes(TarFormat.BLOCK);
            if (header.length < TarFormat.BLOCK) {
                throw new IOException("archive ends inside a tar header");
            }
            current = TarFormat.parse(header);
            if (current == null) {
                return null;
            }
            left = current.size();
            pad = TarFormat.padding(current.size());
            if (current.type() != 'x' || left > 1 << 20) {
                return paxPath == null ? current : (current = current.named(paxPath));
            }
            paxPath = TarFormat.paxPath(read((int) left).array()); // a long name, as Go's archive/tar writes it
        }
    }

    /** Up to {@code max} bytes of the current file; empty at its end. */
    public ByteBuffer read(int max) throws IOException {
        int n = (int) Math.min(max, left);
        // into one array of the chunk's size: InputStream.readNBytes(int) reads 8 KiB arrays and joins them
        byte[] b = new byte[n];
        if (in.readNBytes(b, 0, n) < n) {
            throw new IOException("archive ends inside file " + current.name());
        }
        left -= n;
        return ByteBuffer.wrap(b);
    }

    /**
     * Reads the next {@code len} bytes of the current file (fewer at its end) into {@code b} at {@code off}, the
     * caller's array rather than a new one; returns how many, -1 at the file's end.
     */
    public int read(byte[] b, int off, int len) throws IOException {
        if (left == 0) {
            return -1;
        }
        int want = (int) Math.min(len, left);
        int n = in.readNBytes(b, off, want);
        if (n < want) {
            throw new IOException("archive ends inside file " + current.name());
        }
        left -= n;
        return n;
    }

    /** Reads past the end-of-archive blocks to the end of the gzip stream, which checks its CRC and length. */
    public void drain() throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
