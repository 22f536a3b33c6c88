package io.shardline.datanode.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.io.FileChecksums;
import io.shardline.common.time.ManualClock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.model.Point;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import io.shardline.storage.SnapshotFile;
import io.shardline.storage.Tombstone;
import io.shardline.storage.memory.InMemoryShardEngine;
import io.shardline.tsm.TsmShardReader;
import io.shardline.tsm.block.BlockValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TsmShardExport}: a shard's live values (every field type, escaped names, a delete applied)
 * become TSM files whose keys come in TSM order and read back to the same values; the files go away on
 * close.
 */
class TsmShardExportTest {

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
    void theLiveValuesOfEveryTypeReadBackFromTheTsmFiles() throws Exception {
        ShardStore store = engine.open(new ShardId("db", "rp", 9));
        store.write(List.of(
                Point.builder("cpu").tag("host", "a b").floatField("f", -0.5).integerField("i", -3).unsignedField("u", -1L)
                        .stringField("s", "x\"y").booleanField("b", true).timestamp(T0).build(),
                Point.builder("cpu").tag("host", "a b").floatField("f", 2.5).timestamp(T0 + 1).build(),
                Point.builder("we ird,m").tag("t=k", "v,1").floatField("g h", 1e-300).timestamp(T0).build(),
                Point.builder("gone").floatField("f", 1).timestamp(T0).build()), 5);
        store.delete(Tombstone.dropMeasurement("gone", 6));

        List<String> read = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (TsmShardExport export = TsmShardExport.of(store)) {
            for (SnapshotFile f : export.files()) {
                Path p = dir.resolve(f.name());
                Files.write(p, export.read(f.name(), 0, Integer.MAX_VALUE));
                assertThat(FileChecksums.crc32c(p)).isEqualTo(f.crc32c());
                files.add(p);
            }
            try (TsmShardReader r = TsmShardReader.open(files)) {
                while (r.next()) {
                    BlockValues v = r.values();
                    for (int i = 0; i < v.size(); i++) {
                        read.add(r.key() + " " + v.type() + " " + (v.time(i) - T0) + " "
                                + (v.type() == io.shardline.model.FieldType.STRING ? v.string(i) : Long.toString(v.bits(i))));
                    }
                }
            }
        }
        assertThat(read).containsExactly(
                "cpu,host=a\\ b#!~#b boolean 0 1",
                "cpu,host=a\\ b#!~#f float 0 " + Double.doubleToRawLongBits(-0.5),
                "cpu,host=a\\ b#!~#f float 1 " + Double.doubleToRawLongBits(2.5),
                "cpu,host=a\\ b#!~#i integer 0 -3",
                "cpu,host=a\\ b#!~#s string 0 x\"y",
                "cpu,host=a\\ b#!~#u unsigned 0 -1",
                "we\\ ird\\,m,t\\=k=v\\,1#!~#g h float 0 " + Double.doubleToRawLongBits(1e-300));
        assertThat(files).allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".tsm"));
    }
}
