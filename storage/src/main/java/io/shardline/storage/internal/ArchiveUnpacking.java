package io.shardline.storage.internal;

import io.shardline.common.error.ShardlineException;
import io.shardline.storage.ShardConverter;
import io.shardline.storage.ShardId;
import io.shardline.storage.SnapshotFile;
import io.shardline.storage.SnapshotSource;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Feeds one snapshot file, an archive, to its {@link ShardConverter.Unpacker} as it arrives: the converter reads
 * it as a stream (each chunk copied once, into the reader's array, and checksummed there) while the
 * transfer goes on, and the archive is never written. Afterwards the rest of the file is read and its
 * size and CRC-32C are checked against the manifest; if that check fails, it is the error, also when the
 * unpacking failed first (a damaged transfer, not a damaged archive). On the ingesting thread; stateless.
 */
public final class ArchiveUnpacking {

    private ArchiveUnpacking() {
    }

    /** Unpacks {@code f} of {@code source} into {@code dir}; returns the files the converter wrote. */
    public static List<Path> unpack(ShardId id, SnapshotSource source, SnapshotFile f,
                                    ShardConverter.Unpacker unpacker, Path dir) {
        Received in = new Received(source, f);
        List<Path> files;
        try {
            files = unpacker.unpack(in, dir);
        } catch (RuntimeException e) {
            try {
                in.drain();
            } catch (RuntimeException streamFailed) {
                throw e; // the stream itself failed (cancelled, timed out, out of order): the error it gave
            }
            try {
                f.check(id, in.size, (int) in.crc.getValue());
            } catch (ShardlineException damaged) {
                damaged.addSuppressed(e);
                throw damaged;
            }
            throw e;
        }
        in.drain();
        f.check(id, in.size, (int) in.crc.getValue());
        return files;
    }

    /** One file's bytes from a source in order, up to its size, checksummed as they are read. */
    private static final class Received extends InputStream {

        private final SnapshotSource source;
        private final SnapshotFile file;
        private final CRC32C crc = new CRC32C();
        private long size;
        private boolean ended;

        Received(SnapshotSource source, SnapshotFile file) {
            this.source = source;
            this.file = file;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (ended || size >= file.size()) {
                return -1;
            }
            ByteBuffer chunk = source.readBuffer(file.name(), size, (int) Math.min(len, file.size() - size));
            int n = chunk.remaining();
            if (n == 0) {
                ended = true; // the source ended early: the size check fails
                return -1;
            }
            chunk.get(b, off, n);
            crc.update(b, off, n);
            size += n;
            return n;
        }

        /** Reads (and checksums) what the converter left unread. */
        void drain() {
            byte[] rest = new byte[1 << 16];
            while (read(rest, 0, rest.length) > 0) {
                continue;
            }
        }
    }
}
