package io.shardline.ctl.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads one shard archive ({@code .tar.gz}) file by file, in order: {@link #next} moves to the next
 * file, {@link #read} returns its bytes in chunks. Not thread-safe.
 */
final class ShardArchiveReader implements AutoCloseable {

    private final InputStream in;
    private TarFormat.Entry current;
    private long left;
    private int pad;

    ShardArchiveReader(Path archive) throws IOException {
        this.in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 20), 1 << 20);
    }

    /** The next file's header, null at the end of the archive. */
    TarFormat.Entry next() throws IOException {
        if (current != null) {
            in.skipNBytes(left + pad);
        }
        byte[] header = in.readNBytes(TarFormat.BLOCK);
        if (header.length < TarFormat.BLOCK) {
            throw new IOException("archive ends inside a tar header");
        }
        current = TarFormat.parse(header);
        if (current != null) {
            left = current.size();
            pad = TarFormat.padding(current.size());
        }
        return current;
    }

    /** Up to {@code max} bytes of the current file; empty at its end. */
    ByteBuffer read(int max) throws IOException {
        int n = (int) Math.min(max, left);
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new IOException("archive ends inside file " + current.name());
        }
        left -= n;
        return ByteBuffer.wrap(b);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
