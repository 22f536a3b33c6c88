package io.shardline.storage.rocks;

import static io.shardline.storage.TestPoints.T0;
import static io.shardline.storage.TestPoints.cpu;
import static io.shardline.storage.TestPoints.cpuBatch;
import static io.shardline.storage.TestPoints.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.ManualClock;
import io.shardline.storage.CloseableIterator;
import io.shardline.storage.Row;
import io.shardline.storage.ScanRequest;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStatus;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.TestConfigs;
import io.shardline.storage.TestPoints;
import io.shardline.storage.TimeRange;
import io.shardline.storage.Tombstone;
import io.shardline.storage.block.BlockReader;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.memory.InMemoryShardEngine;
import io.shardline.model.Point;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the RocksDB store has: files, reopening, corruption, background rewrites. */
class RocksShardStoreTest {

    private static final ShardId ONE = new ShardId("db", "rp", 1);
    private static final ShardId TWO = new ShardId("db", "rp", 2);

    @TempDir
    Path tmp;
    private final ManualClock clock = new ManualClock();
    private final List<ShardEngine> engines = new ArrayList<>();

    private RocksShardEngine engine(Map<String, Object> overrides) {
        RocksShardEngine e = new RocksShardEngine(TestConfigs.storage(tmp.resolve("data").toString(),
                tmp.resolve("wal").toString(), overrides), clock);
        e.start();
        engines.add(e);
        return e;
    }

    @AfterEach
    void closeAll() {
        engines.forEach(ShardEngine::close);
    }

    @Test
    void aConvertedShardIsInCompactBlocksInTableFilesNotTheLogAndSurvivesAReopen() {
        RocksShardEngine e = engine(Map.of());
        List<Point> points = cpuBatch(6, 50, T0, 300_000_000_000L, 2);
        ShardStore written = e.open(ONE);
        written.write(points, v(1));
        ShardStore converted = e.ingest(TWO, noFiles(), (paths, shard) -> TestPoints.loadRuns(shard, points, v(1), 7),
                () -> { });
        RocksShardStore rocks = (RocksShardStore) converted;
        // everything is in table files: the log holds nothing to replay at the next open
        assertThat(rocks.diskUsage().get("wal")).isLessThan(1024);
        assertThat(rocks.diskUsage().get("data")).isPositive();
        assertThat(blocks(rocks)).isNotEmpty().allMatch(BlockReader::isCompact);
        Digest digest = written.digest(Digest.NO_CUTOFF);
        assertThat(converted.digest(Digest.NO_CUTOFF)).isEqualTo(digest);
        e.close();
        RocksShardEngine again = engine(Map.of());
        ShardStore reopened = again.get(TWO).orElseThrow();
        assertThat(reopened.digest(Digest.NO_CUTOFF)).isEqualTo(digest);
        assertThat(reopened.stats().valueCount()).isEqualTo(points.size() * 5L);
        assertThat(reopened.write(List.of(TestPoints.cpuFull(1, T0 + 1, 9)), v(2)).stored()).isEqualTo(1);
    }

    @Test
    void aBulkLoadCommittingInsideASeriesOrIntoExistingSeriesAppendsToTheirBlocks() {
        RocksShardEngine e = engine(Map.of());
        // 2 series x 5 fields x 120 values over 10 hours, committed about every 40 values: inside series too
        List<Point> points = cpuBatch(2, 120, T0, 300_000_000_000L, 3);
        ShardStore written = e.open(ONE);
        written.write(points, v(1));
        RocksShardStore loaded = (RocksShardStore) e.open(TWO);
        try (RocksBulkLoad load = loaded.bulkLoad(40)) {
            TestPoints.loadRuns(load, points, v(1), 13);
            load.finish();
        }
        assertThat(blocks(loaded)).anyMatch(b -> !BlockReader.isCompact(b));
        assertThat(loaded.digest(Digest.NO_CUTOFF)).isEqualTo(written.digest(Digest.NO_CUTOFF));
        assertThat(rows(loaded)).isEqualTo(rows(written)).hasSize(points.size());
        loaded.compact();
        assertThat(loaded.digest(Digest.NO_CUTOFF)).isEqualTo(written.digest(Digest.NO_CUTOFF));
        // a load into series the store already holds appends to their blocks too
        List<Point> more = cpuBatch(3, 30, T0 + 150_000_000_000L, 300_000_000_000L, 7);
        written.write(more, v(2));
        try (RocksBulkLoad load = loaded.bulkLoad(1 << 20)) {
            TestPoints.loadRuns(load, more, v(2), 1000);
            load.finish();
        }
        assertThat(rows(loaded)).isEqualTo(rows(written)).hasSize(points.size() + more.size());
        assertThat(loaded.digest(Digest.NO_CUTOFF)).isEqualTo(written.digest(Digest.NO_CUTOFF));
    }

    @Test
    void theRewriterLeavesTheBlocksItReadsOutOfTheBlockCache() throws Exception {
        RocksShardEngine e = engine(Map.of());
        RocksShardStore rocks = (RocksShardStore) e.open(ONE);
        // 40 series written in 12 requests of 10 timestamps each: every bucket holds several appended segments
        for (int i = 0; i < 12; i++) {
            rocks.write(cpuBatch(40, 10, T0 + i * 600_000_000_000L, 60_000_000_000L, i), v(1));
        }
        ShardDb db = rocks.state().db;
        try (org.rocksdb.FlushOptions flush = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
            db.db.flush(flush, List.of(db.meta, db.index, db.data, db.digest));
        }
        long dataFileBytes = Long.parseLong(db.db.getProperty(db.data, "rocksdb.total-sst-files-size").trim());
        assertThat(dataFileBytes).isPositive();
        long before = unpinnedCacheBytes(e);
        int rewritten = new BlockRewriter(rocks.state()).rewriteAll();
        assertThat(rewritten).isPositive();
        // every data block was read from a table file; without fill_cache off they all stayed in the cache
        // (about twice the file bytes, uncompressed). Only the series index's blocks may be cached here.
        assertThat(unpinnedCacheBytes(e) - before).isLessThan(dataFileBytes / 2);
        assertThat(rocks.stats().valueCount()).isEqualTo(12L * 10 * 40 * 5);
    }

    /** The block cache's bytes that are neither memtable reservations nor pinned level-0 index and filter blocks. */
    private static long unpinnedCacheBytes(RocksShardEngine e) {
        Map<String, Long> f = e.engineFigures();
        return f.get("blockCacheUsageBytes") - f.get("blockCachePinnedBytes");
    }

    private static io.shardline.storage.SnapshotSource noFiles() {
        return new io.shardline.storage.SnapshotSource() {
            @Override
            public List<io.shardline.storage.SnapshotFile> files() {
                return List.of();
            }

            @Override
            public byte[] read(String name, long offset, int maxLength) {
                throw new IllegalArgumentException(name);
            }
        };
    }

    private static List<byte[]> blocks(RocksShardStore s) {
        List<byte[]> out = new ArrayList<>();
        try (org.rocksdb.ReadOptions ro = new org.rocksdb.ReadOptions();
             org.rocksdb.RocksIterator it = s.state().db.db.newIterator(s.state().db.data, ro)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                out.add(it.value());
            }
        }
        return out;
    }

    private static List<String> rows(ShardStore s) {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = s.scan(ScanRequest.ascending("cpu", s.series("cpu", TagPredicate.all()),
                List.of("usage_user", "usage_system", "usage_idle", "usage_iowait", "processes"), TimeRange.ALL))) {
            it.forEachRemaining(r -> out.add(r.series() + " " + r.timestamp() + " " + r.values()));
        }
        return out;
    }

    @Test
    void reopeningKeepsDataIndexTombstonesAndDigest() {
        RocksShardEngine e = engine(Map.of());
        ShardStore s = e.open(ONE);
        s.write(cpuBatch(5, 20, T0, 60_000_000_000L, 1), v(1));
        s.delete(Tombstone.dropSeries("cpu", TagPredicate.eq("host", "h4"), v(2)));
        Digest before = s.digest(Digest.NO_CUTOFF);
        long lastModified = s.lastModified();
        e.close();
        RocksShardEngine again = engine(Map.of());
        ShardStore r = again.get(ONE).orElseThrow();
        assertThat(r.digest(Digest.NO_CUTOFF)).isEqualTo(before);
        assertThat(r.series("cpu", TagPredicate.all())).hasSize(4);
        assertThat(r.lastModified()).isEqualTo(lastModified);
        assertThat(r.stats().pointCount()).isEqualTo(80);
        assertThat(r.write(List.of(TestPoints.cpuFull(9, T0, 1)), v(3)).stored()).isEqualTo(1);
        assertThat(r.series("cpu", TagPredicate.all())).hasSize(5);
    }

    @Test
    void aDirtySetPastItsBoundFallsBackToAFullDigestBuildAndSurvivesAClose() {
        RocksShardEngine e = engine(Map.of());
        RocksShardStore s = (RocksShardStore) e.open(ONE);
        InMemoryShardEngine mem = new InMemoryShardEngine(TestConfigs.storage("/x", "/y", Map.of()), clock);
        mem.start();
        engines.add(mem);
        ShardStore memory = mem.open(ONE);
        s.write(cpuBatch(3, 2, T0, 60_000_000_000L, 1), v(1));
        memory.write(cpuBatch(3, 2, T0, 60_000_000_000L, 1), v(1));
        assertThat(s.digest(Digest.NO_CUTOFF)).isEqualTo(memory.digest(Digest.NO_CUTOFF));
        s.digests().maxDirtySeries(4);
        List<Point> many = cpuBatch(20, 2, T0 + TestPoints.HOUR, 60_000_000_000L, 2);
        s.write(many, v(2));
        memory.write(many, v(2));
        assertThat(s.digest(Digest.NO_CUTOFF)).isEqualTo(memory.digest(Digest.NO_CUTOFF));
        s.write(many.subList(0, 10), v(3));
        memory.write(many.subList(0, 10), v(3));
        e.close();
        ShardStore reopened = engine(Map.of()).get(ONE).orElseThrow();
        assertThat(reopened.digest(Digest.NO_CUTOFF)).isEqualTo(memory.digest(Digest.NO_CUTOFF));
    }

    @Test
    void aCorruptShardFailsClearlyAndTheOthersKeepServing() throws Exception {
        RocksShardEngine e = engine(Map.of());
        e.open(ONE).write(List.of(cpu("a", 1, T0)), v(1));
        e.open(TWO).write(List.of(cpu("b", 2, T0)), v(1));
        e.close();
        Path dir = ONE.under(tmp.resolve("data"));
        Files.writeString(dir.resolve("CURRENT"), "garbage-without-newline");
        RocksShardEngine again = engine(Map.of());
        assertThat(again.shards()).contains(ShardStatus.opened(TWO));
        ShardStatus failed = again.shards().stream().filter(s -> s.id().equals(ONE)).findFirst().orElseThrow();
        assertThat(failed.open()).isFalse();
        assertThat(failed.error()).contains("shard=1").contains(dir.toString());
        assertThatThrownBy(() -> again.open(ONE)).isInstanceOf(ShardlineException.class)
                .hasMessageContaining("shard=1 db=db rp=rp").hasMessageContaining(dir.toString())
                .extracting(x -> ((ShardlineException) x).code()).isIn(ErrorCode.CORRUPTED, ErrorCode.IO_ERROR);
        ShardStore two = again.open(TWO);
        assertThat(two.series("cpu", TagPredicate.all())).hasSize(1);
        assertThat(two.write(List.of(cpu("c", 3, T0)), v(2)).stored()).isEqualTo(1);
    }

    @Test
    void dropRemovesTheShardAndItsLog() {
        RocksShardEngine e = engine(Map.of());
        e.open(ONE).write(List.of(cpu("a", 1, T0)), v(1));
        Path dir = ONE.under(tmp.resolve("data"));
        Path wal = ONE.under(tmp.resolve("wal"));
        assertThat(dir).isDirectory();
        assertThat(wal).isDirectory();
        assertThat(e.open(ONE).sizeBytes()).isPositive();
        e.drop(ONE);
        assertThat(dir).doesNotExist();
        assertThat(wal).doesNotExist();
        assertThat(e.get(ONE)).isEmpty();
    }

    @Test
    void copiesWorkWithTheLogInsideTheShardDirectoryToo() {
        String same = tmp.resolve("both").toString();
        RocksShardEngine e = new RocksShardEngine(TestConfigs.storage(same, same, Map.of()), clock);
        e.start();
        engines.add(e);
        ShardStore s = e.open(ONE);
        s.write(cpuBatch(4, 10, T0, 1_000_000_000L, 3), v(1));
        try (io.shardline.storage.ShardSnapshot snap = s.snapshot()) {
            ShardStore copy = e.ingest(TWO, snap);
            assertThat(copy.digest(Digest.NO_CUTOFF)).isEqualTo(s.digest(Digest.NO_CUTOFF));
        }
        e.close();
        RocksShardEngine reopened = new RocksShardEngine(TestConfigs.storage(same, same, Map.of()), clock);
        reopened.start();
        engines.add(reopened);
        assertThat(reopened.get(TWO).orElseThrow().stats().valueCount()).isEqualTo(200);
    }

    @Test
    void syncEveryWriteModeWorks() {
        RocksShardEngine e = engine(Map.of("wal-fsync-delay", Duration.ZERO));
        ShardStore s = e.open(ONE);
        assertThat(s.write(cpuBatch(3, 3, T0, 1000, 1), v(1)).stored()).isEqualTo(9);
        assertThat(s.stats().valueCount()).isEqualTo(45);
    }

    @Test
    void concurrentWritersAreEachSyncedBeforeTheirAckAndSurviveACrash() throws Exception {
        RocksShardEngine e = engine(Map.of("wal-fsync-delay", Duration.ZERO));
        RocksShardStore s = (RocksShardStore) e.open(ONE);
        GroupCommit log = s.state().log;
        int threads = 4;
        int writesEach = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < writesEach; i++) {
                        long before = log.appended();
                        Point p = TestPoints.cpu("w" + writer, i, T0 + i * 1_000_000_000L);
                        assertThat(s.write(List.of(p), v(1)).stored()).isEqualTo(1);
                        assertThat(log.synced()).as("synced before the ack").isGreaterThan(before);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(log.syncs()).isBetween(1L, (long) threads * writesEach);
        // A process crash: the files as they are while the shard is open, never closed.
        Path crashData = tmp.resolve("crash-data");
        Path crashWal = tmp.resolve("crash-wal");
        copyTree(tmp.resolve("data"), crashData);
        copyTree(tmp.resolve("wal"), crashWal);
        RocksShardEngine recovered = new RocksShardEngine(
                TestConfigs.storage(crashData.toString(), crashWal.toString(), Map.of()), clock);
        recovered.start();
        engines.add(recovered);
        ShardStore r = recovered.get(ONE).orElseThrow();
        assertThat(r.series("cpu", TagPredicate.all())).hasSize(threads);
        assertThat(r.stats().pointCount()).isEqualTo((long) threads * writesEach);
    }

    @Test
    void aDelayedSyncModeAcknowledgesWithoutAGroupSync() {
        RocksShardEngine e = engine(Map.of("wal-fsync-delay", Duration.ofMinutes(1)));
        RocksShardStore s = (RocksShardStore) e.open(ONE);
        assertThat(s.write(cpuBatch(2, 2, T0, 1000, 1), v(1)).stored()).isEqualTo(4);
        assertThat(s.state().log.syncs()).isZero();
        assertThat(s.state().log.appended()).isGreaterThan(0);
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals("LOCK")) {
                    Files.copy(f, target);
                }
            }
        }
    }

    @Test
    void seriesWrittenOnceAreNeitherCachedNorScheduledForRewriteUntilWrittenAgain() {
        RocksShardStore s = (RocksShardStore) engine(Map.of()).open(ONE);
        List<Point> once = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            once.add(cpu("h" + i, i, T0));
        }
        assertThat(s.write(once, v(1)).seriesCreated()).isEqualTo(50);
        assertThat(s.state().rewriteDirty.size()).isZero();
        assertThat(s.state().index.cached(TestPoints.series("cpu", "host", "h7"))).isNull();
        assertThat(s.write(List.of(cpu("h7", 1, T0 + 1), cpu("new", 1, T0), cpu("new", 2, T0 + 1)), v(2))
                .seriesCreated()).isEqualTo(1);
        assertThat(s.state().rewriteDirty.size()).as("h7 appended to, 'new' holds two rows").isEqualTo(2);
        assertThat(s.state().index.cached(TestPoints.series("cpu", "host", "h7"))).isNotNull();
        assertThat(s.series("cpu", TagPredicate.all())).hasSize(51);
        assertThat(s.stats().pointCount()).isEqualTo(53);
    }

    @Test
    void aNewSeriesWritesNoAllSeriesEntryUntilItDiesAndDeletesStillFindItThen() {
        RocksShardStore s = (RocksShardStore) engine(Map.of()).open(ONE);
        List<Point> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(cpu("h" + i, i, T0));
        }
        s.write(five, v(1));
        // k, s, m and one t per tag: no 'a' entry while a series lives
        assertThat(indexKeys(s, Keys.ALL_SERIES)).isZero();
        assertThat(indexKeys(s, Keys.SERIES_BY_KEY)).isEqualTo(5);
        assertThat(indexKeys(s, Keys.LIVE_SERIES)).isEqualTo(5);
        s.delete(Tombstone.delete("cpu", TagPredicate.eq("host", "h1"), new TimeRange(T0, T0), v(2)));
        assertThat(indexKeys(s, Keys.ALL_SERIES)).as("h1 died").isEqualTo(1);
        assertThat(s.series("cpu", TagPredicate.all())).hasSize(4);
        // revived, then found by a DROP SERIES through its 'm' entry and its 'a' entry alike
        assertThat(s.write(List.of(cpu("h1", 9, T0 + 1)), v(3)).seriesCreated()).isEqualTo(1);
        assertThat(s.state().index.queries.allIds("cpu")).containsExactly(0, 1, 2, 3, 4);
        s.delete(Tombstone.dropSeries("cpu", TagPredicate.eq("host", "h1"), v(4)));
        assertThat(s.series("cpu", TagPredicate.all())).hasSize(4);
        assertThat(s.write(List.of(cpu("h1", 10, T0 + 2)), v(5)).seriesCreated()).isEqualTo(1);
        assertThat(s.stats().pointCount()).as("the dropped values stay hidden").isEqualTo(5);
        s.delete(Tombstone.dropMeasurement("cpu", v(6)));
        assertThat(s.measurements(TagPredicate.all())).isEmpty();
        assertThat(s.state().index.queries.allMeasurements()).containsExactly("cpu");
        assertThat(indexKeys(s, Keys.ALL_SERIES)).isEqualTo(5);
        assertThat(s.stats().pointCount()).isZero();
    }

    @Test
    void aFormatOneShardOpensIsMarkedFormatTwoAndItsSeriesStayDeletable() throws Exception {
        RocksShardEngine e = engine(Map.of());
        RocksShardStore s = (RocksShardStore) e.open(ONE);
        s.write(cpuBatch(4, 3, T0, 60_000_000_000L, 1), v(1));
        // what format 1 wrote: an 'a' entry for every series, live or not
        ShardDb db = s.state().db;
        for (int id = 0; id < 4; id++) {
            db.db.put(db.index, Keys.measurementSeries(Keys.ALL_SERIES, "cpu", id), new byte[0]);
        }
        db.db.put(db.meta, Keys.FORMAT, new byte[] {0, 0, 0, 1});
        e.close();
        RocksShardStore r = (RocksShardStore) engine(Map.of()).get(ONE).orElseThrow();
        assertThat(r.state().db.db.get(r.state().db.meta, Keys.FORMAT)).containsExactly(0, 0, 0, 2);
        assertThat(r.state().index.queries.allIds("cpu")).containsExactly(0, 1, 2, 3);
        r.delete(Tombstone.dropSeries("cpu", TagPredicate.eq("host", "h1"), v(2)));
        assertThat(r.series("cpu", TagPredicate.all())).hasSize(3);
        assertThat(r.stats().pointCount()).isEqualTo(9);
        r.delete(Tombstone.dropMeasurement("cpu", v(3)));
        assertThat(r.series("cpu", TagPredicate.all())).isEmpty();
        assertThat(r.stats().pointCount()).isZero();
    }

    @Test
    void aShardOfAnUnknownFormatIsRefusedClearly() throws Exception {
        RocksShardEngine e = engine(Map.of());
        RocksShardStore s = (RocksShardStore) e.open(ONE);
        s.write(List.of(cpu("a", 1, T0)), v(1));
        s.state().db.db.put(s.state().db.meta, Keys.FORMAT, new byte[] {0, 0, 0, 3});
        e.close();
        RocksShardEngine again = engine(Map.of());
        ShardStatus failed = again.shards().stream().filter(x -> x.id().equals(ONE)).findFirst().orElseThrow();
        assertThat(failed.open()).isFalse();
        assertThat(failed.error()).contains("shard=1").contains("unsupported shard format 3");
    }

    private static int indexKeys(RocksShardStore s, byte kind) {
        int n = 0;
        try (org.rocksdb.RocksIterator it = s.state().db.db.newIterator(s.state().db.index)) {
            for (it.seek(new byte[] {kind}); it.isValid() && it.key()[0] == kind; it.next()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void busyBucketsAreRewrittenInTheBackgroundWithoutChangingContent() throws Exception {
        RocksShardEngine e = engine(Map.of());
        RocksShardStore s = (RocksShardStore) e.open(ONE);
        for (int i = 0; i < 70; i++) {
            s.write(List.of(cpu("a", i, T0 + i)), v(i + 1));
        }
        Digest before = s.digest(Digest.NO_CUTOFF);
        byte[] key = Keys.block(s.state().index.ref(TestPoints.series("cpu", "host", "a")).id(), Buckets.index(T0));
        assertThat(BlockReader.isCompact(s.state().db.db.get(s.state().db.data, key))).isFalse();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!BlockReader.isCompact(s.state().db.db.get(s.state().db.data, key)) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        }
        assertThat(BlockReader.isCompact(s.state().db.db.get(s.state().db.data, key))).isTrue();
        assertThat(s.digest(Digest.NO_CUTOFF)).isEqualTo(before);
        try (CloseableIterator<Row> it = s.scan(ScanRequest.ascending("cpu", s.series("cpu", TagPredicate.all()),
                List.of("value"), TimeRange.ALL))) {
            int n = 0;
            while (it.hasNext()) {
                assertThat(it.next().value(0).floatValue()).isEqualTo(n++);
            }
            assertThat(n).isEqualTo(70);
        }
    }

    @Test
    void rocksAndInMemoryStoresAgreeOnEverything() {
        ShardStore rocks = engine(Map.of()).open(ONE);
        InMemoryShardEngine mem = new InMemoryShardEngine(TestConfigs.storage("/x", "/y", Map.of()), clock);
        mem.start();
        engines.add(mem);
        ShardStore memory = mem.open(ONE);
        List<Point> points = cpuBatch(8, 30, T0 - TestPoints.HOUR, 300_000_000_000L, 7);
        for (ShardStore s : List.of(rocks, memory)) {
            s.write(points, v(1));
            s.write(points.subList(0, 50), v(3));
            s.delete(Tombstone.delete("cpu", TagPredicate.regex("host", "h[12]"), TimeRange.of(T0, T0 + 3_000_000_000_000L),
                    v(2)));
            s.write(List.of(Point.builder("log").tag("app", "x").stringField("msg", "hi \"there\"")
                    .booleanField("ok", true).unsignedField("n", -1L).timestamp(T0).build()), v(4));
        }
        rocks.compact();
        assertThat(rocks.digest(Digest.NO_CUTOFF)).isEqualTo(memory.digest(Digest.NO_CUTOFF));
        assertThat(rocks.digest(v(2))).isEqualTo(memory.digest(v(2)));
        assertThat(rocks.stats().pointCount()).isEqualTo(memory.stats().pointCount());
        assertThat(rocks.stats().valueCount()).isEqualTo(memory.stats().valueCount());
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        rocks.exportLineProtocol(TimeRange.ALL, a);
        memory.exportLineProtocol(TimeRange.ALL, b);
        assertThat(a.toString()).isEqualTo(b.toString()).contains("log,app=x n=18446744073709551615u");
        assertThat(rocks.exportPatch(List.of(new io.shardline.storage.SeriesRange(points.get(3).series(),
                Long.MIN_VALUE, Long.MAX_VALUE)))).isEqualTo(memory.exportPatch(List.of(
                new io.shardline.storage.SeriesRange(points.get(3).series(), Long.MIN_VALUE, Long.MAX_VALUE))));
    }

    @Test
    void rocksAndInMemoryStoresAgreeUnderRandomOperations() {
        long seed = Long.getLong("shardline.seed", 20261206L);
        System.out.println("rocksVsMemory seed=" + seed + " (re-run with -Dshardline.seed=" + seed + ")");
        java.util.Random rnd = new java.util.Random(seed);
        ShardStore rocks = engine(Map.of("max-values-per-tag", 5L)).open(ONE);
        InMemoryShardEngine mem = new InMemoryShardEngine(TestConfigs.storage("/x", "/y",
                Map.of("max-values-per-tag", 5L)), clock);
        mem.start();
        engines.add(mem);
        ShardStore memory = mem.open(ONE);
        for (int op = 0; op < 40; op++) {
            long version = v(1 + rnd.nextInt(30));
            int kind = rnd.nextInt(10);
            for (ShardStore s : List.of(rocks, memory)) {
                java.util.Random r = new java.util.Random(seed * 31 + op);
                if (kind == 0) {
                    s.delete(Tombstone.delete(r.nextBoolean() ? "cpu" : null, TagPredicate.regex("host", "h[" + r.nextInt(7)
                            + "-7]"), TimeRange.of(T0 + r.nextInt(40) * 1000L, T0 + r.nextInt(40) * 1000L + 60_000), version));
                } else if (kind == 1) {
                    s.compact();
                } else if (kind == 2) {
                    s.delete(Tombstone.dropMeasurement("disk", version));
                } else {
                    List<Point> batch = new ArrayList<>();
                    for (int i = 0; i < 1 + r.nextInt(30); i++) {
                        batch.add(r.nextInt(5) == 0
                                ? Point.builder("disk").tag("host", "h" + r.nextInt(8)).integerField("used", r.nextInt(9))
                                        .timestamp(T0 + r.nextInt(100) * 1000L).build()
                                : TestPoints.cpuFull(r.nextInt(8), T0 + r.nextInt(100) * 1000L + r.nextInt(2) * TestPoints.HOUR,
                                        r.nextInt(50)));
                    }
                    if (r.nextInt(6) == 0) {
                        batch.add(Point.builder("disk").tag("host", "h1").floatField("used", 1.5).timestamp(T0).build());
                    }
                    s.write(batch, version);
                }
            }
            assertThat(rocks.digest(Digest.NO_CUTOFF)).as("seed " + seed + " op " + op)
                    .isEqualTo(memory.digest(Digest.NO_CUTOFF));
        }
        for (String m : List.of("cpu", "disk")) {
            assertThat(rocks.series(m, TagPredicate.all())).as("seed " + seed).isEqualTo(memory.series(m, TagPredicate.all()));
            assertThat(rocks.fieldTypes(m)).as("seed " + seed).isEqualTo(memory.fieldTypes(m));
            // every tag key: new series of the two measurements alternate, so the index's key prefixes change
            for (String key : List.of("host", "region", "dc")) {
                assertThat(rocks.tagValues(m, key, TagPredicate.all())).as("seed %d %s %s", seed, m, key)
                        .isEqualTo(memory.tagValues(m, key, TagPredicate.all()));
                assertThat(rocks.series(m, TagPredicate.eq(key, "r1"))).isEqualTo(memory.series(m,
                        TagPredicate.eq(key, "r1")));
            }
        }
        assertThat(rocks.measurements(TagPredicate.all())).isEqualTo(memory.measurements(TagPredicate.all()));
        assertThat(rocks.stats().seriesCount()).isEqualTo(memory.stats().seriesCount());
    }
}
