package io.shardline.datanode.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.io.TarFormat;
import io.shardline.common.time.ManualClock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardLoader;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.memory.InMemoryShardEngine;
import io.shardline.tsm.Tombstone;
import io.shardline.tsm.TombstoneFile;
import io.shardline.tsm.TsmKey;
import io.shardline.tsm.TsmShardWriter;
import io.shardline.tsm.block.BlockValues;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TsmShardConverter}: an InfluxDB shard's TSM files (with a tombstone file) become Shardline
 * shards, each keeping the series that hash to it in its group; a damaged file is one error naming it
 * by its file name, not the staging path.
 */
class TsmShardConverterTest {

    private static final long T0 = 1_600_000_000_000_000_000L;

    @TempDir
    Path dir;
    private final InMemoryShardEngine engine = new InMemoryShardEngine(
            StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION)), new ManualClock());

    {
        engine.start();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void everySeriesLandsInTheShardItHashesToWithDeletesApplied() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("TsmShardConverterTest seed=" + seed);
        Random random = new Random(seed);
        TreeMap<byte[], BlockValues> keys = new TreeMap<>(TsmKey.ORDER);
        for (int s = 0; s < 40; s++) {
            SeriesKey series = SeriesKey.of("cpu", Map.of("host", "h " + s, "dc", s % 2 == 0 ? "a,b" : "c=d"));
            BlockValues v = new BlockValues(16);
            v.reset(FieldType.FLOAT);
            for (int i = 0; i < 10; i++) {
                v.add(T0 + i, Double.doubleToRawLongBits(random.nextDouble()));
            }
            keys.put(new TsmKey(series, "usage").toBytes(), v);
        }
        List<Path> files;
        try (TsmShardWriter w = new TsmShardWriter(dir, 1)) {
            keys.forEach(w::write);
            files = new ArrayList<>(w.finish());
        }
        // the first series loses its values at T0..T0+4
        byte[] first = keys.firstKey();
        Path tombstones = TombstoneFile.of(files.get(0));
        TombstoneFile.write(tombstones, List.of(new Tombstone(first, T0, T0 + 4)));
        files.add(tombstones);

        ShardGroupInfo group = new ShardGroupInfo(1, 0, Long.MAX_VALUE, 0, 0,
                List.of(new ShardInfo(11, List.of(4L)), new ShardInfo(12, List.of(5L)), new ShardInfo(13, List.of(6L))));
        long values = 0;
        List<SeriesKey> seen = new ArrayList<>();
        for (ShardInfo shard : group.shards()) {
            ShardStore store = engine.open(new ShardId("db", "rp", shard.id()));
            TsmShardConverter converter = new TsmShardConverter(group, shard.id(), 7);
            ShardLoader loader = ShardLoader.through(store);
            converter.convert(files, loader);
            loader.finish();
            List<SeriesKey> series = store.series("cpu", TagPredicate.all());
            assertThat(series).allMatch(k -> group.shardFor(k.fnv64a()).id() == shard.id());
            seen.addAll(series);
            values += store.stats().valueCount();
            assertThat(converter.points()).isEqualTo(store.stats().valueCount());
        }
        assertThat(seen).hasSize(40).doesNotHaveDuplicates();
        assertThat(values).isEqualTo(40 * 10 - 5);
    }

    @Test
    void theChunksOfAKeyReachTheLoaderGatheredInOrder() throws Exception {
        // two generations holding consecutive time ranges of the same keys, as InfluxDB's compactions leave them:
        // a float key larger than one gathering, and a string key
        SeriesKey series = SeriesKey.of("cpu", Map.of("host", "a"));
        TsmKey floats = new TsmKey(series, "usage");
        TsmKey strings = new TsmKey(series, "state");
        int total = TsmShardConverter.GATHER + 4_321;
        List<Path> files = new ArrayList<>();
        for (int generation = 1; generation <= 2; generation++) {
            int from = generation == 1 ? 0 : total / 2;
            int to = generation == 1 ? total / 2 : total;
            BlockValues f = new BlockValues(to - from);
            f.reset(FieldType.FLOAT);
            for (int i = from; i < to; i++) {
                f.add(T0 + i, Double.doubleToRawLongBits(i * 0.25));
            }
            BlockValues st = new BlockValues(2);
            st.reset(FieldType.STRING);
            st.addString(T0 + generation, "s" + generation);
            Path genDir = Files.createDirectories(dir.resolve("g" + generation));
            try (TsmShardWriter w = new TsmShardWriter(genDir, generation)) {
                TreeMap<byte[], BlockValues> keys = new TreeMap<>(TsmKey.ORDER);
                keys.put(floats.toBytes(), f);
                keys.put(strings.toBytes(), st);
                keys.forEach(w::write);
                for (Path p : w.finish()) {
                    files.add(Files.move(p, dir.resolve(p.getFileName())));
                }
            }
        }
        ShardGroupInfo group = new ShardGroupInfo(1, 0, Long.MAX_VALUE, 0, 0, List.of(new ShardInfo(11, List.of(4L))));
        List<String> calls = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        List<Long> bits = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        new TsmShardConverter(group, 11, 7).convert(files, new ShardLoader() {
            @Override
            public void load(SeriesKey s, String field, FieldType type, long[] t, long[] b, String[] str, int count,
                    long version) {
                calls.add(field + " " + type.name() + " " + count);
                for (int i = 0; i < count; i++) {
                    times.add(t[i]);
                    if (type == FieldType.STRING) {
                        texts.add(str[i]);
                    } else {
                        bits.add(b[i]);
                    }
                }
            }

            @Override
            public void finish() {
            }
        });
        // index order: "state" before "usage"; the string key's two chunks in one call, the float key's 70 in two
        // (its blocks of 1,000 values gathered up to the bound)
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0)).isEqualTo("state STRING 2");
        int first = Integer.parseInt(calls.get(1).substring("usage FLOAT ".length()));
        int second = Integer.parseInt(calls.get(2).substring("usage FLOAT ".length()));
        assertThat(first).isLessThanOrEqualTo(TsmShardConverter.GATHER).isGreaterThan(TsmShardConverter.GATHER - 1_000);
        assertThat(first + second).isEqualTo(total);
        assertThat(texts).containsExactly("s1", "s2");
        for (int i = 0; i < total; i++) {
            assertThat(times.get(2 + i)).isEqualTo(T0 + i);
            assertThat(bits.get(i)).isEqualTo(Double.doubleToRawLongBits(i * 0.25));
        }
    }

    @Test
    void aDamagedFileIsNamedByItsFileName() throws Exception {
        BlockValues v = new BlockValues(4);
        v.reset(FieldType.INTEGER);
        v.add(T0, 5);
        Path file;
        try (TsmShardWriter w = new TsmShardWriter(dir, 1)) {
            w.write(new TsmKey(SeriesKey.of("m"), "f").toBytes(), v);
            file = w.finish().get(0);
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[12] ^= 0x40; // inside the first block
        Files.write(file, bytes);
        ShardGroupInfo group = new ShardGroupInfo(1, 0, Long.MAX_VALUE, 0, 0, List.of(new ShardInfo(3, List.of(4L))));
        ShardStore store = engine.open(new ShardId("db", "rp", 3));
        assertThatThrownBy(() -> new TsmShardConverter(group, 3, 7).convert(List.of(file), ShardLoader.through(store)))
                .isInstanceOf(ShardlineException.class)
                .hasMessageStartingWith("tsm file " + file.getFileName() + ": ")
                .hasMessageContaining("checksum mismatch")
                .satisfies(e -> assertThat(((ShardlineException) e).code()).isEqualTo(ErrorCode.CORRUPTED));
    }

    @Test
    void aPortableArchiveIsUnpackedAndConvertedAndATruncatedOneRefused() throws Exception {
        BlockValues v = new BlockValues(16);
        v.reset(FieldType.INTEGER);
        for (int i = 0; i < 10; i++) {
            v.add(T0 + i, i);
        }
        TreeMap<byte[], BlockValues> keys = new TreeMap<>(TsmKey.ORDER);
        keys.put(new TsmKey(SeriesKey.of("m", Map.of("host", "a")), "f").toBytes(), v);
        keys.put(new TsmKey(SeriesKey.of("m", Map.of("host", "b")), "f").toBytes(), v);
        Path source = Files.createDirectories(dir.resolve("source"));
        List<Path> files;
        try (TsmShardWriter w = new TsmShardWriter(source, 1)) {
            keys.forEach(w::write);
            files = new ArrayList<>(w.finish());
        }
        Path tombstones = TombstoneFile.of(files.get(0));
        TombstoneFile.write(tombstones, List.of(new Tombstone(keys.firstKey(), T0, T0 + 2)));
        files.add(tombstones);
        // as influxd backup -portable writes it: <db>/<rp>/<id>/ paths, an index file that is not converted
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path archive = staging.resolve("20260101T000000Z.s1.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            for (Path f : files) {
                tar(out, "db/rp/1/" + f.getFileName(), Files.readAllBytes(f));
            }
            tar(out, "db/rp/1/fields.idx", new byte[] {1, 2, 3});
            out.write(new byte[2 * TarFormat.BLOCK]);
        }
        byte[] whole = Files.readAllBytes(archive);

        ShardGroupInfo group = new ShardGroupInfo(1, 0, Long.MAX_VALUE, 0, 0, List.of(new ShardInfo(3, List.of(4L))));
        ShardStore store = engine.open(new ShardId("db", "rp", 3));
        TsmShardConverter converter = new TsmShardConverter(group, 3, 7);
        assertThat(converter.unpacker(archive.getFileName().toString())).isPresent();
        assertThat(converter.unpacker(files.get(0).getFileName().toString())).isEmpty();
        Path unpackedDir = Files.createDirectories(dir.resolve("unpacked"));
        List<Path> unpacked;
        try (InputStream in = Files.newInputStream(archive)) {
            unpacked = converter.unpacker(archive.getFileName().toString()).orElseThrow().unpack(in, unpackedDir);
        }
        assertThat(unpacked.stream().map(p -> p.getFileName().toString()).toList()).containsExactlyElementsOf(
                files.stream().map(p -> p.getFileName().toString()).toList()); // fields.idx is not converted
        ShardLoader loader = ShardLoader.through(store);
        converter.convert(unpacked, loader);
        loader.finish();
        assertThat(store.stats().valueCount()).isEqualTo(2 * 10 - 3);
        assertThat(converter.points()).isEqualTo(17);

        Path truncatedDir = Files.createDirectories(dir.resolve("truncated"));
        assertThatThrownBy(() -> new TsmShardConverter(group, 3, 7).unpacker(archive.getFileName().toString())
                .orElseThrow().unpack(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length - 12)), truncatedDir))
                .isInstanceOf(ShardlineException.class)
                .hasMessageStartingWith("the shard archive is not a readable tar.gz: ")
                .satisfies(e -> assertThat(((ShardlineException) e).code()).isEqualTo(ErrorCode.CORRUPTED));
    }

    private static void tar(OutputStream out, String name, byte[] content) throws IOException {
        out.write(TarFormat.header(name, content.length, 0));
        out.write(content);
        out.write(new byte[TarFormat.padding(content.length)]);
    }
}
