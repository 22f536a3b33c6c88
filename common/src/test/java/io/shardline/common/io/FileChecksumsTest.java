package io.shardline.common.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChecksumsTest {

    @TempDir
    Path dir;

    private static int crc(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b);
        return (int) c.getValue();
    }

    @Test
    void anImmutableFileIsReadOnceAlsoThroughAHardLinkAndAgainWhenItChanged() throws Exception {
        long seed = System.nanoTime();
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        byte[] bytes = new byte[300_000];
        random.nextBytes(bytes);
        Path file = Files.write(dir.resolve("000012.sst"), bytes);

        long before = FileChecksums.filesRead();
        assertThat(FileChecksums.crc32cOfImmutable(file)).isEqualTo(crc(bytes)).isEqualTo(FileChecksums.crc32c(file));
        assertThat(FileChecksums.filesRead()).isEqualTo(before + 2);
        Path link = Files.createLink(dir.resolve("checkpoint-000012.sst"), file);
        assertThat(FileChecksums.crc32cOfImmutable(file)).isEqualTo(crc(bytes));
        assertThat(FileChecksums.crc32cOfImmutable(link)).isEqualTo(crc(bytes));
        assertThat(FileChecksums.filesRead()).as("remembered, not read").isEqualTo(before + 2);

        byte[] other = bytes.clone();
        other[123] ^= 1;
        FileTime mtime = Files.getLastModifiedTime(file);
        Files.write(file, other); // same inode and size: the modification time tells
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime.toMillis() + 1_000));
        assertThat(FileChecksums.crc32cOfImmutable(link)).isEqualTo(crc(other));
        assertThat(FileChecksums.filesRead()).isEqualTo(before + 3);
    }

    @Test
    void aRememberedChecksumIsGivenWithoutReading() throws Exception {
        byte[] bytes = new byte[5_000];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("000099.sst"), bytes);
        FileChecksums.rememberImmutable(file, crc(bytes));
        long before = FileChecksums.filesRead();
        assertThat(FileChecksums.crc32cOfImmutable(file)).isEqualTo(crc(bytes));
        assertThat(FileChecksums.filesRead()).isEqualTo(before);
    }
}
