package io.shardline.storage.rocks;

import static io.shardline.storage.TestPoints.T0;
import static io.shardline.storage.TestPoints.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.time.ManualClock;
import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import io.shardline.storage.FieldBlockCursor;
import io.shardline.storage.FieldScanRequest;
import io.shardline.storage.FieldScanRequest.Pick;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.TestConfigs;
import io.shardline.storage.TimeRange;
import io.shardline.storage.Tombstone;
import io.shardline.storage.internal.Utf8Order;
import io.shardline.storage.memory.InMemoryShardEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code series(m, predicate)} of a RocksDB shard reads many keys with one index iterator and hands the cursor
 * each series' id ({@link ResolvedSeries}): the answer and what a field scan over it reads must equal the in-memory
 * twin's and a scan over a plain copy of the list (which looks every key up), also after series are dropped
 * between resolving and scanning and when the list comes from another shard.
 */
class ResolvedSeriesTest {

    private static final ShardId ONE = new ShardId("db", "rp", 1);
    private static final ShardId TWO = new ShardId("db", "rp", 2);

    @TempDir
    Path tmp;
    private final ManualClock clock = new ManualClock();
    private final List<ShardEngine> engines = new ArrayList<>();

    @AfterEach
    void closeAll() {
        engines.forEach(ShardEngine::close);
    }

    @Test
    void resolvedSeriesReadLikeLookedUpOnes() {
        long seed = Long.getLong("shardline.seed", System.nanoTime());
        System.out.println("ResolvedSeriesTest seed=" + seed + " (re-run with -Dshardline.seed=" + seed + ")");
        Random r = new Random(seed);
        RocksShardEngine rocksEngine = new RocksShardEngine(TestConfigs.storage(tmp.resolve("data").toString(),
                tmp.resolve("wal").toString(), Map.of()), clock);
        rocksEngine.start();
        engines.add(rocksEngine);
        InMemoryShardEngine memEngine = new InMemoryShardEngine(TestConfigs.storage("/x", "/y", Map.of()), clock);
        memEngine.start();
        engines.add(memEngine);
        ShardStore rocks = rocksEngine.open(ONE);
        ShardStore mem = memEngine.open(ONE);
        // more series than SeriesIndex.BULK_KEYS, created in random order (ids do not follow key order), with
        // names whose UTF-8 order differs from UTF-16's, in several batches with another measurement between
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 3 * SeriesIndex.BULK_KEYS + r.nextInt(100); i++) {
            hosts.add((i % 7 == 0 ? "\uD83D\uDE00" : i % 5 == 0 ? "\uFF21" : "h") + i);
        }
        Collections.shuffle(hosts, r);
        for (int from = 0; from < hosts.size(); from += 50) {
            List<Point> batch = new ArrayList<>();
            for (String h : hosts.subList(from, Math.min(hosts.size(), from + 50))) {
                batch.add(Point.builder("cpu").tag("host", h).tag("dc", "d" + r.nextInt(3))
                        .floatField("f", r.nextGaussian()).timestamp(T0 + r.nextInt(1000)).build());
            }
            batch.add(Point.builder("mem").tag("host", "m" + from).floatField("f", 1).timestamp(T0).build());
            // a name that extends "cpu": its keys share the prefix of cpu's keys in the index
            batch.add(Point.builder("cpux").tag("host", "h" + from).floatField("f", 1).timestamp(T0).build());
            rocks.write(batch, v(1));
            mem.write(batch, v(1));
        }

        for (TagPredicate p : List.of(TagPredicate.all(), TagPredicate.eq("dc", "d1"),
                TagPredicate.regex("host", "^h"), TagPredicate.eq("host", hosts.get(0)))) {
            List<SeriesKey> series = rocks.series("cpu", p);
            assertThat(series).as("seed %d %s", seed, p).isEqualTo(mem.series("cpu", p));
            List<SeriesKey> byText = new ArrayList<>(series);
            byText.sort((a, b) -> Utf8Order.compare(a.toString(), b.toString()));
            assertThat(series).as("key byte order is code point order of the text").isEqualTo(byText);
            assertThat(read(rocks, series)).as("seed %d %s", seed, p).isEqualTo(read(rocks, new ArrayList<>(series)))
                    .isEqualTo(read(mem, series));
        }

        // the whole measurement's order came from the pass over the key entries, not from a sort
        SeriesIndex index = ((RocksShardStore) rocks).state().index;
        List<SeriesKey> all = rocks.series("cpu", TagPredicate.all());
        int[] ids = new int[all.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = index.ref(all.get(i)).id();
        }
        int[] ascending = ids.clone();
        java.util.Arrays.sort(ascending);
        int[] order = index.keyOrder("cpu", ascending);
        assertThat(order).as("seed %d", seed).isNotNull();
        for (int i = 0; i < order.length; i++) {
            assertThat(ascending[order[i]]).isEqualTo(ids[i]);
        }
        assertThat(index.keyOrder("cpu", new int[] {ascending[0]})).as("one id: sorting is cheaper").isNull();

        // dropped after resolving: the stale ids read nothing of them, like the lookups do
        List<SeriesKey> before = rocks.series("cpu", TagPredicate.all());
        for (ShardStore s : List.of(rocks, mem)) {
            s.delete(Tombstone.dropSeries("cpu", TagPredicate.eq("dc", "d1"), v(2)));
        }
        List<String> after = read(rocks, before);
        assertThat(after).isEqualTo(read(rocks, new ArrayList<>(before))).isEqualTo(read(mem, before))
                .noneMatch(line -> line.contains("dc=d1"));
        assertThat(rocks.series("cpu", TagPredicate.all())).isEqualTo(mem.series("cpu", TagPredicate.all()));

        // another shard's answer: its ids mean nothing here, so every key is looked up
        ShardStore other = rocksEngine.open(TWO);
        other.write(List.of(Point.builder("cpu").tag("host", "zz").tag("dc", "d0").floatField("f", 2)
                .timestamp(T0).build()), v(1));
        assertThat(read(other, before)).isEqualTo(read(other, new ArrayList<>(before))).isEmpty();
        assertThat(read(rocks, other.series("cpu", TagPredicate.all()))).isEmpty();
    }

    /** Each series' last value of f over the list, as "series time bits". */
    private static List<String> read(ShardStore s, List<SeriesKey> series) {
        List<String> out = new ArrayList<>();
        try (FieldBlockCursor c = s.scanField(new FieldScanRequest("cpu", series, "f",
                TimeRange.of(Long.MIN_VALUE, Long.MAX_VALUE), Pick.LAST))) {
            while (c.next()) {
                for (int i = 0; i < c.size(); i++) {
                    out.add(c.series() + " " + c.timestamps()[i] + " "
                            + Long.toHexString(Double.doubleToRawLongBits(c.floats()[i])));
                }
            }
        }
        return out;
    }
}
