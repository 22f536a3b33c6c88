package io.shardline.tsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.tsm.block.BlockValues;
import io.shardline.tsm.block.BlockValuesGen;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsmFileTest {

    @TempDir
    Path dir;

    /** Random keys with random values, written through a small block size, read back identically. */
    @Test
    void writtenFilesReadBackIdentically() {
        Random r = TestSeeds.random("TsmFileTest.writtenFilesReadBackIdentically");
        for (int it = 0; it < TestSeeds.iterations(8); it++) {
            Path d = dir.resolve("run" + it);
            TreeMap<byte[], BlockValues> data = randomData(r, 1 + r.nextInt(40));
            List<Path> files = write(d, data, 1 + r.nextInt(300), Long.MAX_VALUE);
            assertSameLines(readAll(files), describe(data), "iteration " + it);
        }
    }

    @Test
    void blocksHoldAtMostTheBlockSizeAndFilesRoll() throws IOException {
        TreeMap<byte[], BlockValues> data = new TreeMap<>(TsmKey.ORDER);
        data.put(key("cpu", "usage"), BlockValuesGen.random(new Random(1), FieldType.FLOAT, 2500));
        data.put(key("mem", "free"), BlockValuesGen.random(new Random(2), FieldType.INTEGER, 10));
        List<Path> one = write(dir.resolve("one"), data, 1000, Long.MAX_VALUE);
        assertThat(one).extracting(p -> p.getFileName().toString()).containsExactly("000000007-000000001.tsm");
        try (TsmReader reader = TsmReader.open(one.get(0))) {
            IndexCursor c = reader.index();
            assertThat(c.next()).isTrue();
            assertThat(c.entries()).hasSize(3);
            BlockValues v = new BlockValues(16);
            List<Integer> sizes = new ArrayList<>();
            for (IndexEntry e : c.entries()) {
                reader.readBlock(c.key(), c.blockType(), e, v);
                sizes.add(v.size());
                assertThat(e.minTime()).isEqualTo(v.time(0));
                assertThat(e.maxTime()).isEqualTo(v.time(v.size() - 1));
            }
            assertThat(sizes).containsExactly(1000, 1000, 500);
        }
        List<Path> rolled = write(dir.resolve("rolled"), data, 1000, 1);
        assertThat(rolled).hasSize(4);
        assertThat(readAll(rolled)).isEqualTo(describe(data));
        assertThat(Files.list(dir.resolve("rolled")).map(p -> p.getFileName().toString()))
                .allMatch(n -> n.endsWith(".tsm"));
    }

    @Test
    void writerRefusesOutOfOrderInput() {
        try (TsmShardWriter w = new TsmShardWriter(dir, 1)) {
            BlockValues v = BlockValuesGen.random(new Random(3), FieldType.BOOLEAN, 3);
            w.write(key("b", "f"), v);
            assertThatThrownBy(() -> w.write(key("a", "f"), v)).hasMessageContaining("written after");
            assertThatThrownBy(() -> w.write(key("b", "f"), v)).hasMessageContaining("does not follow");
        }
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void badChecksumNamesFileKeyAndOffset() throws IOException {
        Path f = sample();
        IndexEntry first = firstEntry(f);
        patch(f, first.offset() + first.size() - 1, (byte) 0x55);
        assertThatThrownBy(() -> readAll(List.of(f)))
                .isInstanceOf(ShardlineException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("key cpu,host=a#!~#v")
                .hasMessageContaining("offset " + first.offset())
                .hasMessageContaining("checksum mismatch")
                .satisfies(e -> assertThat(((ShardlineException) e).code()).isEqualTo(ErrorCode.CORRUPTED));
    }

    @Test
    void unknownBlockTypesAreCorrupt() throws IOException {
        Path f = sample();
        IndexEntry first = firstEntry(f);
        // The block itself says type 7 (with a correct checksum).
        byte[] b = Files.readAllBytes(f);
        b[(int) first.offset() + 4] = 7;
        CRC32 crc = new CRC32();
        crc.update(b, (int) first.offset() + 4, first.size() - 4);
        ByteBuffer.wrap(b).putInt((int) first.offset(), (int) crc.getValue());
        Files.write(f, b);
        assertThatThrownBy(() -> readAll(List.of(f))).hasMessageContaining(f.toString())
                .hasMessageContaining("block type 7 but the index says 0");
        // The index says type 9.
        Path g = sample();
        byte[] c = Files.readAllBytes(g);
        long indexOffset = ByteBuffer.wrap(c).getLong(c.length - 8);
        int keyLen = ByteBuffer.wrap(c).getShort((int) indexOffset) & 0xFFFF;
        patch(g, indexOffset + 2 + keyLen, (byte) 9);
        assertThatThrownBy(() -> readAll(List.of(g))).hasMessageContaining(g.toString())
                .hasMessageContaining("unknown block type 9");
    }

    @Test
    void truncatedFilesAreCorrupt() throws IOException {
        Path f = sample();
        byte[] whole = Files.readAllBytes(f);
        long indexOffset = ByteBuffer.wrap(whole).getLong(whole.length - 8);
        for (int cut : new int[] {1, 8, 9, 20, whole.length - (int) indexOffset, whole.length - 6, whole.length - 1}) {
            Path t = dir.resolve("cut" + cut + ".tsm");
            Files.write(t, java.util.Arrays.copyOf(whole, whole.length - cut));
            assertThatThrownBy(() -> readAll(List.of(t))).as("cut %d", cut)
                    .isInstanceOf(ShardlineException.class).hasMessageContaining(t.toString());
        }
        // Footer intact but pointing into the middle of the index: truncated index.
        byte[] shifted = whole.clone();
        ByteBuffer.wrap(shifted).putLong(shifted.length - 8, indexOffset + 3);
        Path s = dir.resolve("shifted.tsm");
        Files.write(s, shifted);
        assertThatThrownBy(() -> readAll(List.of(s))).hasMessageContaining(s.toString()).hasMessageContaining("index");
        Path magic = dir.resolve("magic.tsm");
        byte[] m = whole.clone();
        m[0] = 0;
        Files.write(magic, m);
        assertThatThrownBy(() -> TsmReader.open(magic)).hasMessageContaining("not a TSM file");
    }

    static void assertSameLines(List<String> actual, List<String> expected, String what) {
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            assertThat(actual.get(i)).as("%s: line %d", what, i).isEqualTo(expected.get(i));
        }
        assertThat(actual.size()).as("%s: number of values", what).isEqualTo(expected.size());
    }

    private Path sample() throws IOException {
        Path d = Files.createTempDirectory(dir, "s");
        TreeMap<byte[], BlockValues> data = new TreeMap<>(TsmKey.ORDER);
        data.put(key("cpu,host=a", "v"), BlockValuesGen.random(new Random(5), FieldType.FLOAT, 30));
        data.put(key("cpu,host=b", "v"), BlockValuesGen.random(new Random(6), FieldType.STRING, 30));
        return write(d, data, 1000, Long.MAX_VALUE).get(0);
    }

    private static IndexEntry firstEntry(Path f) {
        try (TsmReader r = TsmReader.open(f)) {
            IndexCursor c = r.index();
            c.next();
            return c.entries().get(0);
        }
    }

    private static void patch(Path f, long at, byte value) throws IOException {
        byte[] b = Files.readAllBytes(f);
        b[(int) at] ^= value == 0 ? 1 : value;
        Files.write(f, b);
    }

    static byte[] key(String series, String field) {
        return (series + "#!~#" + field).getBytes(StandardCharsets.UTF_8);
    }

    static TreeMap<byte[], BlockValues> randomData(Random r, int keys) {
        TreeMap<byte[], BlockValues> data = new TreeMap<>(TsmKey.ORDER);
        for (int k = 0; k < keys; k++) {
            SeriesKey s = SeriesKey.of("m" + r.nextInt(5), Map.of("host", "h " + r.nextInt(20)));
            FieldType t = FieldType.values()[r.nextInt(5)];
            data.put(new TsmKey(s, "f" + t + k).toBytes(), BlockValuesGen.random(r, t, 1 + r.nextInt(2500)));
        }
        return data;
    }

    static List<Path> write(Path d, TreeMap<byte[], BlockValues> data, int blockSize, long fileSize) {
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (TsmShardWriter w = new TsmShardWriter(d, 7, blockSize, fileSize)) {
            data.forEach(w::write);
            return w.finish();
        }
    }

    /** Every value of the files as text lines: key, type, time, value. */
    static List<String> readAll(List<Path> files) {
        List<String> out = new ArrayList<>();
        try (TsmShardReader r = TsmShardReader.open(files)) {
            while (r.next()) {
                describe(r.rawKey(), r.values(), out);
            }
        }
        return out;
    }

    static List<String> describe(TreeMap<byte[], BlockValues> data) {
        List<String> out = new ArrayList<>();
        data.forEach((k, v) -> describe(k, v, out));
        return out;
    }

    static void describe(byte[] key, BlockValues v, List<String> out) {
        String k = new String(key, StandardCharsets.UTF_8);
        for (int i = 0; i < v.size(); i++) {
            out.add(k + " " + v.type() + " " + v.time(i) + " "
                    + (v.type() == FieldType.STRING ? v.string(i) : Long.toString(v.bits(i))));
        }
    }
}
