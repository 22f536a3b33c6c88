package io.shardline.ctl.backup;

import io.shardline.common.io.TarFormat;
import io.shardline.ctl.backup.BackupManifest.ArchivedFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Checksum;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one shard archive: a gzip'd tar of the shard's files, each written as it arrives through
 * {@link #file}'s channel, its CRC-32C computed on the way; the archive's own CRC-32C is computed on
 * the compressed bytes as they go to disk. Level {@link Deflater#NO_COMPRESSION} (the default: the
 * shard files are LZ4/ZSTD-compressed already) writes the gzip member's stored deflate blocks itself
 * ({@link Stored}): each received buffer is copied once, into a direct buffer that the three checksums
 * read and the file channel writes from, where zlib's stored blocks took four copies per byte (into a
 * scratch array, zlib's window and output, the JDK's native write buffer). Any other level goes
 * through {@link GZIPOutputStream}. Either is a valid gzip that {@code gzip} and {@code tar} read. Not
 * thread-safe.
 */
final class ShardArchiveWriter implements AutoCloseable {

    private final Gzip gzip;
    private final long mtimeSeconds;

    /** The archive's compressed side: what the tar's bytes go through; the CRC-32C of what it wrote. */
    private abstract static class Gzip implements AutoCloseable {
        final CRC32C archiveCrc = new CRC32C();

        /** Writes {@code src}'s remaining bytes, adding them to {@code fileCrc} (if not null) too. */
        abstract void write(ByteBuffer src, Checksum fileCrc) throws IOException;

        /** Ends the gzip member and syncs the file; returns the archive's size in bytes. */
        abstract long finish() throws IOException;

        /** The CRC-32C of the archive's bytes so far. */
        final int crc32c() {
            return (int) archiveCrc.getValue();
        }

        @Override
        public abstract void close() throws IOException;
    }

    ShardArchiveWriter(Path target, int level, long mtimeSeconds) throws IOException {
        this.mtimeSeconds = mtimeSeconds;
        FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            this.gzip = level == Deflater.NO_COMPRESSION ? new Stored(channel) : new Deflating(channel, level);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** What one file became: its entry for the manifest. */
    interface FileBody {
        long write(WritableByteChannel out) throws IOException;
    }

    /** Adds a file of {@code size} bytes whose body {@code body} writes; returns its entry. */
    ArchivedFile file(String name, long size, FileBody body) throws IOException {
        gzip.write(ByteBuffer.wrap(TarFormat.header(name, size, mtimeSeconds)), null);
        CRC32C crc = new CRC32C();
        long written = body.write(new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                int n = src.remaining();
                gzip.write(src, crc);
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
        gzip.write(ByteBuffer.wrap(new byte[TarFormat.padding(size)]), null);
        return new ArchivedFile(name, size, (int) crc.getValue());
    }

    /** Ends the archive and syncs it; returns its size in bytes. */
    long finish() throws IOException {
        gzip.write(ByteBuffer.wrap(new byte[2 * TarFormat.BLOCK]), null);
        return gzip.finish();
    }

    /** The CRC-32C of the archive's bytes (after {@link #finish}). */
    int crc32c() {
        return gzip.crc32c();
    }

    @Override
    public void close() throws IOException {
        gzip.close();
    }

    /**
     * A gzip member of stored deflate blocks (RFC 1951 3.2.4: a header byte with BFINAL and BTYPE 00,
     * LEN, NLEN, then LEN raw bytes), written through one direct buffer: the bytes are copied into it
     * once, the file's CRC-32C and gzip's CRC-32 are taken over each block's bytes there, the archive's
     * CRC-32C over all of it just before the channel writes it.
     */
    private static final class Stored extends Gzip {

        /** The largest stored block (LEN is 16 bits). */
        static final int MAX_BLOCK = 65_535;
        private static final int BLOCK_HEADER = 5;
        /** gzip's header: magic, deflate, no flags, no mtime, no extra flags, OS unknown (as GZIPOutputStream). */
        private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, 0};

        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32 uncompressedCrc = new CRC32();
        private long uncompressed;
        private long written;

        Stored(FileChannel channel) {
            this.channel = channel;
            buffer.put(HEADER);
        }

        @Override
        void write(ByteBuffer src, Checksum fileCrc) throws IOException {
            while (src.hasRemaining()) {
                if (buffer.remaining() < BLOCK_HEADER + 4096) {
                    drain();
                }
                int n = Math.min(MAX_BLOCK, Math.min(src.remaining(), buffer.remaining() - BLOCK_HEADER));
                buffer.put((byte) 0).putShort((short) n).putShort((short) ~n);
                int start = buffer.position();
                ByteBuffer part = src.slice();
                part.limit(n);
                buffer.put(part);
                src.position(src.position() + n);
                uncompressedCrc.update(buffer.slice(start, n));
                if (fileCrc != null) {
                    fileCrc.update(buffer.slice(start, n));
                }
                uncompressed += n;
            }
        }

        @Override
        long finish() throws IOException {
            if (buffer.remaining() < BLOCK_HEADER + 8) {
                drain();
            }
            buffer.put((byte) 1).putShort((short) 0).putShort((short) 0xffff); // the final block, empty
            buffer.putInt((int) uncompressedCrc.getValue()).putInt((int) uncompressed);
            drain();
            channel.force(true);
            channel.close();
            return written;
        }

        /** Checksums and writes what the buffer holds. */
        private void drain() throws IOException {
            buffer.flip();
            archiveCrc.update(buffer.duplicate());
            while (buffer.hasRemaining()) {
                written += channel.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Compressed through {@link GZIPOutputStream} at a level other than none. */
    private static final class Deflating extends Gzip {

        private final FileChannel channel;
        private final GZIPOutputStream out;
        private final byte[] copy = new byte[1 << 20];
        private long written;

        Deflating(FileChannel channel, int level) throws IOException {
            this.channel = channel;
            OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
            this.out = new GZIPOutputStream(new CheckedOutputStream(file, archiveCrc) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    super.write(b, off, len);
                    written += len;
                }

                @Override
                public void write(int b) throws IOException {
                    super.write(b);
                    written++;
                }
            }, 1 << 20) {
                {
                    def.setLevel(level);
                }
            };
        }

        @Override
        void write(ByteBuffer src, Checksum fileCrc) throws IOException {
            while (src.hasRemaining()) {
                // checksummed from the array: on a read-only view of a received message CRC32C would
                // copy the bytes in 4 KiB pieces first
                int k = Math.min(copy.length, src.remaining());
                src.get(copy, 0, k);
                if (fileCrc != null) {
                    fileCrc.update(copy, 0, k);
                }
                out.write(copy, 0, k);
            }
        }

        @Override
        long finish() throws IOException {
            out.finish();
            out.flush();
            channel.force(true);
            out.close();
            return written;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
