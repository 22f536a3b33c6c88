package io.shardline.storage.rocks;

import static io.shardline.storage.TestPoints.T0;
import static io.shardline.storage.TestPoints.cpuBatch;
import static io.shardline.storage.TestPoints.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.ManualClock;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.TestConfigs;
import io.shardline.storage.TimeRange;
import io.shardline.storage.Tombstone;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read-only opening of shard directories for export: the same lines as the live store, with the
 * node running (writes only in the log) and stopped, nothing changed on disk, the log found without
 * being told where it is.
 */
class ReadOnlyShardsTest {

    private static final ShardId ONE = new ShardId("db", "rp", 1);
    private static final ShardId TWO = new ShardId("db", "autogen", 12);

    @TempDir
    Path tmp;
    private final ManualClock clock = new ManualClock();
    private RocksShardEngine engine;

    private RocksShardEngine start() {
        engine = new RocksShardEngine(TestConfigs.storage(tmp.resolve("data").toString(), tmp.resolve("wal").toString(),
                Map.of()), clock);
        engine.start();
        return engine;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private static String export(ShardStore s, TimeRange r) {
        StringWriter w = new StringWriter();
        s.exportLineProtocol(r, w);
        return w.toString();
    }

    private static String export(ReadOnlyShards shards, ShardId id, TimeRange r) {
        StringWriter w = new StringWriter();
        try (ReadOnlyShard s = shards.open(id)) {
            assertThat(s.exportLineProtocol(r, w)).isEqualTo(w.toString().lines().count());
        }
        return w.toString();
    }

    @Test
    void aRunningNodesShardExportsWhatTheStoreHoldsIncludingWritesOnlyInTheLog() {
        ShardStore s = start().open(ONE);
        s.write(cpuBatch(4, 30, T0, 60_000_000_000L, 1), v(1));
        s.delete(Tombstone.dropSeries("cpu", TagPredicate.eq("host", "h3"), v(2)));
        engine.open(TWO).write(cpuBatch(2, 3, T0, 1_000_000_000L, 5), v(3));
        TimeRange part = TimeRange.of(T0 + 600_000_000_000L, T0 + 1_200_000_000_000L);
        try (ReadOnlyShards shards = new ReadOnlyShards(tmp.resolve("data"), null)) {
            assertThat(shards.discover()).containsExactly(TWO, ONE);
            assertThat(shards.walDirOf(ONE)).isEqualTo(ONE.under(tmp.resolve("wal")));
            String all = export(shards, ONE, TimeRange.ALL);
            assertThat(all).isEqualTo(export(s, TimeRange.ALL)).isNotEmpty();
            assertThat(all.lines().count()).isEqualTo(3 * 30 * 5);
            assertThat(export(shards, ONE, part)).isEqualTo(export(s, part));
            // Later writes are seen by a later open, not by an open view.
            try (ReadOnlyShard open = shards.open(ONE)) {
                s.write(cpuBatch(1, 1, T0 - 1, 1, 7), v(4));
                StringWriter w = new StringWriter();
                open.exportLineProtocol(TimeRange.ALL, w);
                assertThat(w.toString()).isEqualTo(all);
            }
            assertThat(export(shards, ONE, TimeRange.ALL)).isEqualTo(export(s, TimeRange.ALL)).isNotEqualTo(all);
        }
    }

    @Test
    void aStoppedNodesShardExportsTheSameAndNothingOnDiskChanges() throws IOException {
        ShardStore s = start().open(ONE);
        s.write(cpuBatch(3, 10, T0, 60_000_000_000L, 1), v(1));
        s.digest(io.shardline.storage.digest.Digest.NO_CUTOFF);
        String live = export(s, TimeRange.ALL);
        engine.close();
        engine = null;
        Map<String, String> before = listing(tmp);
        try (ReadOnlyShards shards = new ReadOnlyShards(tmp.resolve("data"), tmp.resolve("wal"))) {
            assertThat(export(shards, ONE, TimeRange.ALL)).isEqualTo(live);
        }
        assertThat(listing(tmp)).isEqualTo(before);
        assertThat(start().get(ONE).orElseThrow().stats().pointCount()).isEqualTo(30);
    }

    @Test
    void theLogIsFoundFromTheOptionsFileOrBesideTheDataDirectory() throws IOException {
        start().open(ONE).write(cpuBatch(1, 1, T0, 1, 1), v(1));
        assertThat(ReadOnlyShards.recordedWalDir(ONE.under(tmp.resolve("data"))))
                .contains(ONE.under(tmp.resolve("wal")));
        try (ReadOnlyShards shards = new ReadOnlyShards(tmp.resolve("data"), null)) {
            assertThat(shards.walDirOf(new ShardId("db", "rp", 99))).isEqualTo(new ShardId("db", "rp", 99)
                    .under(tmp.resolve("data")));
        }
        assertThatThrownBy(() -> new ReadOnlyShards(tmp.resolve("nowhere"), null))
                .isInstanceOf(ShardlineException.class).hasMessageContaining("does not exist");
        try (ReadOnlyShards shards = new ReadOnlyShards(tmp.resolve("data"), null)) {
            assertThatThrownBy(() -> shards.open(new ShardId("db", "rp", 99))).hasMessageContaining("no shard at");
        }
    }

    private static Map<String, String> listing(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }
}
