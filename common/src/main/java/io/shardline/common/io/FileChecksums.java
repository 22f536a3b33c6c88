package io.shardline.common.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/** Checksums of whole files, read through memory maps (the checksum runs on the mapped pages). Stateless. */
public final class FileChecksums {

    private static final long WINDOW = 64L << 20;

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
        return (int) crc.getValue();
    }
}
