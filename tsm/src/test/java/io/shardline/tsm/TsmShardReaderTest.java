package io.shardline.tsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.model.FieldType;
import io.shardline.tsm.block.BlockValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsmShardReaderTest {

    @TempDir
    Path dir;

    private static BlockValues ints(long... timeValuePairs) {
        BlockValues v = new BlockValues(8);
        v.reset(FieldType.INTEGER);
        for (int i = 0; i < timeValuePairs.length; i += 2) {
            v.add(timeValuePairs[i], timeValuePairs[i + 1]);
        }
        return v;
    }

    private Path file(long generation, byte[] key, BlockValues v) {
        try (TsmShardWriter w = new TsmShardWriter(dir, generation)) {
            w.write(key, v);
            return w.finish().get(0);
        }
    }

    @Test
    void newerFilesWinAndTombstonesApplyPerFile() {
        byte[] k = TsmFileTest.key("cpu", "v");
        Path older = file(1, k, ints(1, 10, 2, 20, 3, 30, 4, 40));
        Path newer = file(2, k, ints(3, 300, 5, 500));
        // Deletes [2, 3] in the older file only, and everything of another key.
        TombstoneFile.write(TombstoneFile.of(older), List.of(new Tombstone(k, 2, 3),
                new Tombstone(TsmFileTest.key("gone", "v"), Long.MIN_VALUE, Long.MAX_VALUE)));
        assertThat(TsmFileTest.readAll(List.of(newer, older))).containsExactly(
                "cpu#!~#v integer 1 10", "cpu#!~#v integer 3 300", "cpu#!~#v integer 4 40", "cpu#!~#v integer 5 500");
        // A tombstone in the newer file leaves the older file's values.
        TombstoneFile.write(TombstoneFile.of(newer), List.of(new Tombstone(k, 3, 3)));
        assertThat(TsmFileTest.readAll(List.of(older, newer))).containsExactly(
                "cpu#!~#v integer 1 10", "cpu#!~#v integer 4 40", "cpu#!~#v integer 5 500");
    }

    @Test
    void stringRunsOfOneFileAndWholeBlocksKeepTheirValues() {
        byte[] k = TsmFileTest.key("log", "msg");
        Path older = file(1, k, strings(1, "a", 2, "b", 3, "c", 4, "d"));
        Path newer = file(2, k, strings(3, "x", 5, "y", 6, "z"));
        assertThat(TsmFileTest.readAll(List.of(newer, older))).containsExactly("log#!~#msg string 1 a",
                "log#!~#msg string 2 b", "log#!~#msg string 3 x", "log#!~#msg string 4 d", "log#!~#msg string 5 y",
                "log#!~#msg string 6 z");
        Path later = file(3, k, strings(7, "p", 8, "q"));
        assertThat(TsmFileTest.readAll(List.of(later, newer))).containsExactly("log#!~#msg string 3 x",
                "log#!~#msg string 5 y", "log#!~#msg string 6 z", "log#!~#msg string 7 p", "log#!~#msg string 8 q");
    }

    private static BlockValues strings(Object... timeValue) {
        BlockValues v = new BlockValues(timeValue.length / 2);
        v.reset(FieldType.STRING);
        for (int i = 0; i < timeValue.length; i += 2) {
            v.addString(((Number) timeValue[i]).longValue(), (String) timeValue[i + 1]);
        }
        return v;
    }

    @Test
    void keysInterleaveAcrossFiles() {
        Path a = file(1, TsmFileTest.key("a", "v"), ints(1, 1));
        Path c = file(2, TsmFileTest.key("c", "v"), ints(1, 3));
        try (TsmShardWriter w = new TsmShardWriter(dir, 3)) {
            w.write(TsmFileTest.key("b", "v"), ints(1, 2));
            w.write(TsmFileTest.key("d", "v"), ints(1, 4));
            List<Path> bd = w.finish();
            assertThat(TsmFileTest.readAll(List.of(c, bd.get(0), a))).containsExactly(
                    "a#!~#v integer 1 1", "b#!~#v integer 1 2", "c#!~#v integer 1 3", "d#!~#v integer 1 4");
        }
    }

    @Test
    void typeConflictsAreReportedUnlessTheOlderValuesAreDeleted() {
        byte[] k = TsmFileTest.key("m", "f");
        Path older = file(1, k, ints(1, 1));
        BlockValues floats = new BlockValues(4);
        floats.reset(FieldType.FLOAT);
        floats.add(2, Double.doubleToRawLongBits(2.5));
        Path newer = file(2, k, floats);
        assertThatThrownBy(() -> TsmFileTest.readAll(List.of(older, newer)))
                .isInstanceOf(ShardlineException.class)
                .hasMessageContaining("m#!~#f is integer in one and float in the other")
                .satisfies(e -> assertThat(((ShardlineException) e).code()).isEqualTo(ErrorCode.CORRUPTED));
        TombstoneFile.write(TombstoneFile.of(older), List.of(new Tombstone(k, Long.MIN_VALUE, Long.MAX_VALUE)));
        assertThat(TsmFileTest.readAll(List.of(older, newer))).containsExactly("m#!~#f float 2 " + Double.doubleToRawLongBits(2.5));
    }

    /** Random overlapping files and tombstones against a model. */
    @Test
    void randomFilesMergeLikeInfluxDb() {
        mergesLikeInfluxDb(TestSeeds.random("TsmShardReaderTest.randomFilesMergeLikeInfluxDb"), (r, g) -> r.nextInt(3000));
    }

    /**
     * Files of later time ranges, as a shard's generations usually are: apart, touching or overlapping a
     * little, so the reader takes whole blocks, runs of one file and single values by turns.
     */
    @Test
    void filesOfMostlyLaterTimeRangesMergeLikeInfluxDb() {
        mergesLikeInfluxDb(TestSeeds.random("TsmShardReaderTest.filesOfMostlyLaterTimeRangesMergeLikeInfluxDb"),
                (r, g) -> g * 1000L + r.nextInt(1100));
    }

    /** A timestamp of file {@code g} (1, 2, ...). */
    private interface TimeSource {
        long time(Random r, int g);
    }

    /** Random files and tombstones against a model: apply files oldest first. */
    private void mergesLikeInfluxDb(Random r, TimeSource times) {
        for (int it = 0; it < TestSeeds.iterations(20); it++) {
            Path d = dir.resolve("m" + it);
            TreeMap<String, TreeMap<Long, Long>> model = new TreeMap<>();
            List<Path> files = new ArrayList<>();
            for (int g = 1; g <= 1 + r.nextInt(4); g++) {
                TreeMap<byte[], BlockValues> data = new TreeMap<>(TsmKey.ORDER);
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    TreeMap<Long, Long> values = new TreeMap<>();
                    for (int n = r.nextInt(1500); n >= 0; n--) {
                        values.put(times.time(r, g), r.nextLong());
                    }
                    BlockValues v = new BlockValues(values.size());
                    v.reset(FieldType.INTEGER);
                    values.forEach(v::add);
                    data.put(TsmFileTest.key("s" + r.nextInt(6), "v"), v);
                }
                List<Tombstone> tombs = new ArrayList<>();
                for (byte[] k : data.keySet()) {
                    if (r.nextBoolean()) {
                        long min = times.time(r, g);
                        tombs.add(new Tombstone(k, min, min + r.nextInt(500)));
                    }
                }
                try {
                    Files.createDirectories(d);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                try (TsmShardWriter w = new TsmShardWriter(d, g, 1 + r.nextInt(1000), Long.MAX_VALUE)) {
                    data.forEach(w::write);
                    Path f = w.finish().get(0);
                    TombstoneFile.write(TombstoneFile.of(f), tombs);
                    files.add(f);
                }
                data.forEach((k, v) -> {
                    TreeMap<Long, Long> m = model.computeIfAbsent(new String(k, StandardCharsets.UTF_8),
                            x -> new TreeMap<>());
                    for (int i = 0; i < v.size(); i++) {
                        long t = v.time(i);
                        if (tombs.stream().noneMatch(x -> Arrays.equals(x.key(), k) && x.covers(t))) {
                            m.put(t, v.bits(i));
                        }
                    }
                });
            }
            List<String> expected = new ArrayList<>();
            model.forEach((k, m) -> m.forEach((t, v) -> expected.add(k + " integer " + t + " " + v)));
            Collections.shuffle(files, r);
            TsmFileTest.assertSameLines(TsmFileTest.readAll(files), expected, "iteration " + it);
        }
    }

    @Test
    void readsEveryTombstoneFormat() throws IOException {
        byte[] k1 = "cpu,host=a#!~#v".getBytes(StandardCharsets.UTF_8);
        byte[] k2 = "mem#!~#free".getBytes(StandardCharsets.UTF_8);
        Path v1 = dir.resolve("v1.tombstone");
        Files.writeString(v1, "cpu,host=a#!~#v\n\nmem#!~#free\n");
        assertThat(TombstoneFile.read(v1)).containsExactly(new Tombstone(k1, Long.MIN_VALUE, Long.MAX_VALUE),
                new Tombstone(k2, Long.MIN_VALUE, Long.MAX_VALUE));
        Path v2 = dir.resolve("v2.tombstone");
        try (OutputStream o = Files.newOutputStream(v2)) {
            o.write(new byte[] {0, 0, 0x15, 0x02});
            o.write(entry(k1, 5, 9));
        }
        assertThat(TombstoneFile.read(v2)).containsExactly(new Tombstone(k1, 5, 9));
        Path v3 = dir.resolve("v3.tombstone");
        try (OutputStream o = Files.newOutputStream(v3)) {
            o.write(new byte[] {0, 0, 0x15, 0x03});
            o.write(gzip(entry(k1, 1, 2), entry(k2, -3, 4)));
        }
        assertThat(TombstoneFile.read(v3)).containsExactly(new Tombstone(k1, 1, 2), new Tombstone(k2, -3, 4));
        // v4 as InfluxDB appends it: one gzip member per flush.
        Path v4 = dir.resolve("v4.tombstone");
        try (OutputStream o = Files.newOutputStream(v4)) {
            o.write(new byte[] {0, 0, 0x15, 0x04});
            o.write(gzip(entry(k1, 1, 2)));
            o.write(gzip(entry(k2, 3, 4), entry(k1, 7, 8)));
        }
        assertThat(TombstoneFile.read(v4)).containsExactly(new Tombstone(k1, 1, 2), new Tombstone(k2, 3, 4),
                new Tombstone(k1, 7, 8));
        assertThat(TombstoneFile.read(dir.resolve("missing.tombstone"))).isEmpty();
        Path cut = dir.resolve("cut.tombstone");
        byte[] whole = Files.readAllBytes(v2);
        Files.write(cut, Arrays.copyOf(whole, whole.length - 3));
        assertThatThrownBy(() -> TombstoneFile.read(cut)).hasMessageContaining(cut.toString())
                .hasMessageContaining("truncated");
        assertThat(TombstoneFile.of(Path.of("/d/000000001-000000002.tsm")))
                .isEqualTo(Path.of("/d/000000001-000000002.tombstone"));
    }

    private static byte[] entry(byte[] key, long min, long max) {
        ByteBuffer b = ByteBuffer.allocate(4 + key.length + 16);
        b.putInt(key.length).put(key).putLong(min).putLong(max);
        return b.array();
    }

    private static byte[] gzip(byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (byte[] p : parts) {
                gz.write(p);
            }
        }
        return bytes.toByteArray();
    }
}
