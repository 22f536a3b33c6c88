package io.shardline.common.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * Checksums of whole files, read through memory maps (the checksum runs on the mapped pages). The
 * checksums of immutable files ({@link #crc32cOfImmutable}) are remembered per file (device and inode,
 * size, modification time), so a file that is checksummed again, also under another hard link, is
 * not read again. Thread-safe.
 */
public final class FileChecksums {

    private static final long WINDOW = 64L << 20;
    /** Remembered checksums of immutable files: about 100 bytes each. */
    static final int REMEMBERED = 100_000;

    private record Identity(Object fileKey, long size, long modifiedNanos) {
    }

    private static final Map<Identity, Integer> KNOWN = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };
    private static final AtomicLong READ = new AtomicLong();

    private FileChecksums() {
    }

    /** The CRC-32C of the file's bytes. */
    public static int crc32c(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            for (long at = 0; at < size; at += WINDOW) {
                crc.update(ch.map(FileChannel.MapMode.READ_ONLY, at, Math.min(WINDOW, size - at)));
            }
        }
        READ.incrementAndGet();
        return (int) crc.getValue();
    }

    /**
     * The CRC-32C of a file whose bytes never change once written (a RocksDB table file): computed once
     * per file, then remembered while the file keeps its inode, size and modification time (a hard link
     * to it, as in a checkpoint, is the same file). Where the file system gives no inode, it is
     * computed every time. A wrong remembered value cannot pass a corrupt copy: whoever receives the
     * bytes checks them against it and refuses the file.
     */
    public static int crc32cOfImmutable(Path file) throws IOException {
        Identity id = identity(file);
        if (id == null) {
            return crc32c(file);
        }
        synchronized (KNOWN) {
            Integer known = KNOWN.get(id);
            if (known != null) {
                return known;
            }
        }
        int crc = crc32c(file);
        synchronized (KNOWN) {
            KNOWN.put(id, crc);
        }
        return crc;
    }

    /**
     * Remembers {@code crc32c} for an immutable file just written and checked by its writer (a received
     * table file), so that sending it on does not read it again. Does nothing where the file system
     * gives no inode.
     */
    public static void rememberImmutable(Path file, int crc32c) throws IOException {
        Identity id = identity(file);
        if (id != null) {
            synchronized (KNOWN) {
                KNOWN.put(id, crc32c);
            }
        }
    }

    private static Identity identity(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.fileKey() == null ? null
                : new Identity(a.fileKey(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    /** How many files were read to checksum them since the process started (for tests). */
    static long filesRead() {
        return READ.get();
    }
}
