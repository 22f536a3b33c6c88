package io.shardline.storage.rocks;

import static io.shardline.storage.TestPoints.HOUR;
import static io.shardline.storage.TestPoints.T0;
import static io.shardline.storage.TestPoints.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.time.ManualClock;
import io.shardline.model.Point;
import io.shardline.model.PointBuilder;
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
import io.shardline.storage.memory.InMemoryShardEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first/last-only field scan ({@link Pick#FIRST}, {@link Pick#LAST}) delivers, per series, exactly the first
 * or last value of the full scan, on both stores, over seeded random data: several buckets, overwrites at other
 * versions, tombstones hiding whole buckets or their ends, rewritten and unrewritten blocks, random time ranges.
 */
class FieldEndScanTest {

    private static final ShardId ONE = new ShardId("db", "rp", 1);
    private static final List<String> FIELDS = List.of("f", "i", "s", "b", "missing");

    @TempDir
    Path tmp;
    private final ManualClock clock = new ManualClock();
    private final List<ShardEngine> engines = new ArrayList<>();

    @AfterEach
    void closeAll() {
        engines.forEach(ShardEngine::close);
    }

    @Test
    void endScansEqualTheEndsOfTheFullScan() {
        long seed = Long.getLong("shardline.seed", System.nanoTime());
        System.out.println("FieldEndScanTest seed=" + seed + " (re-run with -Dshardline.seed=" + seed + ")");
        RocksShardEngine rocksEngine = new RocksShardEngine(TestConfigs.storage(tmp.resolve("data").toString(),
                tmp.resolve("wal").toString(), Map.of()), clock);
        rocksEngine.start();
        engines.add(rocksEngine);
        InMemoryShardEngine memEngine = new InMemoryShardEngine(TestConfigs.storage("/x", "/y", Map.of()), clock);
        memEngine.start();
        engines.add(memEngine);
        List<ShardStore> stores = List.of(rocksEngine.open(ONE), memEngine.open(ONE));
        Random r = new Random(seed);
        for (int op = 0; op < 30; op++) {
            long version = v(1 + r.nextInt(40));
            int kind = r.nextInt(8);
            for (ShardStore s : stores) {
                Random same = new Random(seed * 31 + op);
                if (kind == 0) {
                    long from = T0 + same.nextInt(6 * 60) * 60_000_000_000L;
                    s.delete(Tombstone.delete("cpu", TagPredicate.regex("host", "h[" + same.nextInt(6) + "-5]"),
                            TimeRange.of(from, from + same.nextInt(3 * 60) * 60_000_000_000L), version));
                } else if (kind == 1) {
                    s.compact();
                } else {
                    s.write(batch(same), version);
                }
            }
        }
        for (int q = 0; q < 40; q++) {
            long min = r.nextInt(4) == 0 ? Long.MIN_VALUE : T0 + r.nextInt(7 * 60) * 60_000_000_000L;
            long max = r.nextInt(4) == 0 ? Long.MAX_VALUE : T0 + r.nextInt(7 * 60) * 60_000_000_000L;
            if (min > max) {
                long t = min;
                min = max;
                max = t;
            }
            String field = FIELDS.get(r.nextInt(FIELDS.size()));
            for (ShardStore s : stores) {
                List<SeriesKey> series = s.series("cpu", TagPredicate.all());
                TimeRange range = TimeRange.of(min, max);
                List<String> all = read(s, new FieldScanRequest("cpu", series, field, range, Pick.ALL));
                String what = "seed " + seed + " query " + q + " " + field + " [" + min + ", " + max + "] "
                        + s.getClass().getSimpleName();
                assertThat(read(s, new FieldScanRequest("cpu", series, field, range, Pick.FIRST)))
                        .as(what).isEqualTo(ends(all, false));
                assertThat(read(s, new FieldScanRequest("cpu", series, field, range, Pick.LAST)))
                        .as(what).isEqualTo(ends(all, true));
            }
        }
    }

    private static List<Point> batch(Random r) {
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(40); i++) {
            PointBuilder b = Point.builder("cpu").tag("host", "h" + r.nextInt(6));
            // several hours, so a series has several blocks; few distinct times, so writes overwrite
            b.timestamp(T0 + r.nextInt(6) * HOUR + r.nextInt(40) * 60_000_000_000L);
            boolean any = false;
            if (r.nextBoolean()) {
                b.floatField("f", r.nextInt(5) == 0 ? -0.0 : r.nextGaussian());
                any = true;
            }
            if (r.nextBoolean()) {
                b.integerField("i", r.nextInt(100));
                any = true;
            }
            if (r.nextInt(3) == 0) {
                b.stringField("s", "v" + r.nextInt(9));
                any = true;
            }
            if (!any || r.nextInt(4) == 0) {
                b.booleanField("b", r.nextBoolean());
            }
            out.add(b.build());
        }
        return out;
    }

    /** Every value the cursor delivers as "series time value", in order. */
    private static List<String> read(ShardStore s, FieldScanRequest request) {
        List<String> out = new ArrayList<>();
        try (FieldBlockCursor c = s.scanField(request)) {
            while (c.next()) {
                for (int i = 0; i < c.size(); i++) {
                    String v = switch (c.type()) {
                        case FLOAT -> Long.toHexString(Double.doubleToRawLongBits(c.floats()[i]));
                        case STRING -> c.strings()[i];
                        default -> Long.toString(c.longs()[i]);
                    };
                    out.add(c.series() + " " + c.timestamps()[i] + " " + v);
                }
            }
        }
        return out;
    }

    /** The first or last entry of each series' run in a full read. */
    private static List<String> ends(List<String> all, boolean last) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String series = all.get(i).substring(0, all.get(i).indexOf(' '));
            boolean startsRun = i == 0 || !all.get(i - 1).startsWith(series + " ");
            boolean endsRun = i == all.size() - 1 || !all.get(i + 1).startsWith(series + " ");
            if (last ? endsRun : startsRun) {
                out.add(all.get(i));
            }
        }
        return out;
    }
}
