package io.shardline.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading gzip files of stored blocks from their maps, and declining every other gzip file. */
class StoredGzipFileTest {

    @TempDir
    Path dir;

    /** A gzip member of stored blocks of random sizes (0 to 65,535 bytes), as the backup writer makes. */
    private static byte[] stored(byte[] data, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0});
        for (int at = 0; at < data.length; ) {
            int n = Math.min(data.length - at, random.nextInt(4) == 0 ? random.nextInt(100) : random.nextInt(65_536));
            out.writeBytes(ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0).putShort((short) n)
                    .putShort((short) ~n).array());
            out.write(data, at, n);
            at += n;
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).putShort((short) 0)
                .putShort((short) 0xffff).putInt((int) crc.getValue()).putInt(data.length).array());
        return out.toByteArray();
    }

    private static byte[] readAll(InputStream in, Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[200_000];
        for (int n; (n = in.read(b, 0, 1 + random.nextInt(b.length))) >= 0; ) {
            out.write(b, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void storedBlocksReadAsTheyWereWrittenAndAgreeWithGzipInputStream() throws IOException {
        long seed = System.nanoTime();
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        byte[] data = new byte[1_000_000 + random.nextInt(1_000_000)];
        random.nextBytes(data);
        Path file = dir.resolve("a.gz");
        Files.write(file, stored(data, random));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        try (StoredGzipFile in = StoredGzipFile.open(file)) {
            assertThat(in).isNotNull();
            assertThat(readAll(in, random)).isEqualTo(data);
            assertThat(in.read()).isEqualTo(-1);
        }
        Files.write(file, stored(new byte[0], random));
        try (StoredGzipFile in = StoredGzipFile.open(file)) {
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aChangedByteFailsTheTrailerCheckAtTheEnd() throws IOException {
        long seed = System.nanoTime();
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        byte[] data = new byte[300_000];
        random.nextBytes(data);
        byte[] gz = stored(data, new Random(seed));
        gz[gz.length - 14] ^= 1; // the last data byte: the final empty block (5 bytes) and the trailer (8) follow
        Path file = dir.resolve("b.gz");
        Files.write(file, gz);
        try (StoredGzipFile in = StoredGzipFile.open(file)) {
            assertThatThrownBy(() -> readAll(in, random)).isInstanceOf(ZipException.class)
                    .hasMessage("Corrupt GZIP trailer");
        }
    }

    @Test
    void anyOtherGzipFileIsDeclinedAndReadByGzipInputStream() throws IOException {
        Random random = new Random(7);
        byte[] data = "compressible ".repeat(50_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Path file = dir.resolve("c.gz");
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(data);
        }
        Files.write(file, compressed.toByteArray());
        assertThat(StoredGzipFile.open(file)).isNull();

        byte[] gz = stored(data, random);
        Files.write(file, java.util.Arrays.copyOf(gz, gz.length - 1)); // truncated trailer
        assertThat(StoredGzipFile.open(file)).isNull();
        byte[] twice = new byte[2 * gz.length];
        System.arraycopy(gz, 0, twice, 0, gz.length);
        System.arraycopy(gz, 0, twice, gz.length, gz.length);
        Files.write(file, twice); // two members
        assertThat(StoredGzipFile.open(file)).isNull();
        gz[3] = 8; // FNAME set: a header the stored reader does not parse
        Files.write(file, gz);
        assertThat(StoredGzipFile.open(file)).isNull();
        Files.write(file, new byte[0]);
        assertThat(StoredGzipFile.open(file)).isNull();
    }

    @Test
    void theArchiveReaderReadsAStoredArchiveLikeACompressedOne() throws IOException {
        long seed = System.nanoTime();
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        byte[] body = new byte[123_457];
        random.nextBytes(body);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        tar.writeBytes(TarFormat.header("000001.sst", body.length, 1_700_000_000L));
        tar.writeBytes(body);
        tar.writeBytes(new byte[TarFormat.padding(body.length) + 2 * TarFormat.BLOCK]);
        Path storedFile = dir.resolve("s.tar.gz");
        Files.write(storedFile, stored(tar.toByteArray(), random));
        Path compressedFile = dir.resolve("z.tar.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(compressedFile))) {
            out.write(tar.toByteArray());
        }
        for (Path p : new Path[] {storedFile, compressedFile}) {
            try (ShardArchiveReader r = new ShardArchiveReader(p)) {
                assertThat(r.next()).isEqualTo(new TarFormat.Entry("000001.sst", body.length));
                ByteBuffer got = ByteBuffer.allocate(body.length);
                for (ByteBuffer chunk; (chunk = r.read(50_000)).hasRemaining(); ) {
                    got.put(chunk);
                }
                assertThat(got.array()).isEqualTo(body);
                assertThat(r.next()).isNull();
                r.drain();
            }
        }
    }
}
