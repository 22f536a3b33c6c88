package io.shardline.ctl.backup;

import io.shardline.common.io.TarFormat;
import io.shardline.ctl.backup.BackupManifest.ArchivedFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one shard archive: a gzip'd tar of the shard's files, each written as it arrives through
 * {@link #file}'s channel, its CRC-32C computed on the way; the archive's own CRC-32C is computed on
 * the compressed bytes as they go to disk. Level {@link Deflater#NO_COMPRESSION} (the default: the
 * shard files are LZ4/ZSTD-compressed already) makes stored blocks, still a valid gzip. Not thread-safe.
 */
final class ShardArchiveWriter implements AutoCloseable {

    private final CRC32C archiveCrc = new CRC32C();
    private final CountingStream counted;
    private final GZIPOutputStream gzip;
    private final long mtimeSeconds;

    private static final class CountingStream extends CheckedOutputStream {
        long bytes;

        CountingStream(OutputStream out, CRC32C crc) {
            super(out, crc);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            bytes += len;
        }

        @Override
        public void write(int b) throws IOException {
            super.write(b);
            bytes++;
        }
    }

    ShardArchiveWriter(Path target, int level, long mtimeSeconds) throws IOException {
        this.mtimeSeconds = mtimeSeconds;
        this.counted = new CountingStream(new BufferedOutputStream(Files.newOutputStream(target), 1 << 20), archiveCrc);
        this.gzip = new GZIPOutputStream(counted, 1 << 20) {
            {
                def.setLevel(level);
            }
        };
    }

    /** What one file became: its entry for the manifest. */
    interface FileBody {
        long write(WritableByteChannel out) throws IOException;
    }

    /** Adds a file of {@code size} bytes whose body {@code body} writes; returns its entry. */
    ArchivedFile file(String name, long size, FileBody body) throws IOException {
        gzip.write(TarFormat.header(name, size, mtimeSeconds));
        CRC32C crc = new CRC32C();
        byte[] copy = new byte[1 << 20];
        long written = body.write(new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                int n = src.remaining();
                while (src.hasRemaining()) {
                    // checksummed from the array: on a read-only view of a received message CRC32C
                    // would copy the bytes in 4 KiB pieces first
                    int k = Math.min(copy.length, src.remaining());
                    src.get(copy, 0, k);
                    crc.update(copy, 0, k);
                    gzip.write(copy, 0, k);
                }
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        });
        if (written != size) {
            throw new IOException("file " + name + " ended after " + written + " of " + size + " bytes");
        }
        gzip.write(new byte[TarFormat.padding(size)]);
        return new ArchivedFile(name, size, (int) crc.getValue());
    }

    /** Ends the archive and syncs it; returns its size in bytes. */
    long finish(Path target) throws IOException {
        gzip.write(new byte[2 * TarFormat.BLOCK]);
        gzip.finish();
        gzip.flush();
        gzip.close();
        BackupFiles.sync(target);
        return counted.bytes;
    }

    /** The CRC-32C of the archive's bytes (after {@link #finish}). */
    int crc32c() {
        return (int) archiveCrc.getValue();
    }

    @Override
    public void close() throws IOException {
        gzip.close();
    }
}
