package io.shardline.datanode.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.time.ManualClock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.PointBuilder;
import io.shardline.model.SeriesKey;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.exec.AggregateAssembler;
import io.shardline.query.exec.ShardSelectExecutor;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.plan.MeasurementSchema;
import io.shardline.query.plan.SelectCompiler;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.spi.RowConsumer;
import io.shardline.query.spi.ShardReader;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.TimeRange;
import io.shardline.storage.Tombstone;
import io.shardline.storage.memory.InMemoryShardEngine;
import io.shardline.storage.rocks.RocksShardEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * first()/last() without GROUP BY time read only each series' first or last value ({@link ShardReader#endBlocks});
 * on seeded random data in both stores the result equals the one from every value, including the tie rule across
 * series with equal timestamps (the larger value wins), with time ranges, tag groups, tombstones and other calls
 * in the same statement.
 */
class EndBlocksQueryTest {

    private static final long T0 = 1_577_836_800_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;
    private static final long HOUR = 60 * MINUTE;

    @TempDir
    Path tmp;
    private final ManualClock clock = new ManualClock(1_000);
    private final List<ShardEngine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(ShardEngine::close);
    }

    @Test
    void endBlocksGiveTheResultOfEveryValue() {
        long seed = Long.getLong("shardline.seed", System.nanoTime());
        System.out.println("EndBlocksQueryTest seed=" + seed + " (re-run with -Dshardline.seed=" + seed + ")");
        StorageConfig config = StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION)
                .with(StorageConfig.DIR, tmp.resolve("data").toString())
                .with(StorageConfig.WAL_DIR, tmp.resolve("wal").toString()));
        ShardEngine rocks = new RocksShardEngine(config, clock);
        ShardEngine memory = new InMemoryShardEngine(config, clock);
        for (ShardEngine e : List.of(rocks, memory)) {
            e.start();
            engines.add(e);
        }
        List<ShardStore> stores = List.of(rocks.open(new ShardId("db", "autogen", 1)),
                memory.open(new ShardId("db", "autogen", 1)));
        Random r = new Random(seed);
        for (int op = 0; op < 12; op++) {
            List<Point> batch = batch(r);
            long from = T0 + r.nextInt(5 * 60) * MINUTE;
            boolean delete = r.nextInt(4) == 0;
            for (ShardStore s : stores) {
                s.write(batch, 2L * op + 1);
                if (delete) {
                    s.delete(Tombstone.delete("cpu", TagPredicate.eq("dc", "d" + (op % 2)),
                            TimeRange.of(from, from + 90 * MINUTE), 2L * op + 2));
                }
                if (op == 6) {
                    s.compact();
                }
            }
        }
        List<String> queries = List.of(
                "SELECT last(f) FROM cpu GROUP BY host",
                "SELECT first(f), last(f) FROM cpu GROUP BY dc",
                "SELECT last(f) FROM cpu",
                "SELECT first(i), last(i), count(i), max(f) FROM cpu WHERE time >= '2020-01-01T01:10:00Z'"
                        + " AND time < '2020-01-01T03:30:00Z' GROUP BY *",
                "SELECT last(s), first(s), last(b), first(b) FROM cpu GROUP BY dc",
                "SELECT last(f), mean(f) FROM cpu GROUP BY dc ORDER BY time DESC",
                "SELECT first(f) FROM cpu WHERE host =~ /h[1-3]/ AND time > '2020-01-01T00:30:00Z'",
                "SELECT last(f) FROM cpu WHERE time >= '2020-01-01T00:00:00Z' AND time < '2020-01-01T06:00:00Z'"
                        + " GROUP BY time(1h), dc");
        for (ShardStore store : stores) {
            for (String q : queries) {
                SelectPlan plan = plan(q, store);
                assertThat(result(plan, new StoreShardReader(store))).as("seed " + seed + ": " + q)
                        .isEqualTo(result(plan, everyValue(new StoreShardReader(store))));
            }
        }
    }

    /** Points on a one-minute grid over six hours, so series tie on time; few values, so ties are common. */
    private static List<Point> batch(Random r) {
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int host = r.nextInt(6);
            PointBuilder b = Point.builder("cpu").tag("host", "h" + host).tag("dc", "d" + host % 2)
                    .timestamp(T0 + r.nextInt(6 * 60) * MINUTE);
            b.floatField("f", r.nextInt(5));
            if (r.nextBoolean()) {
                b.integerField("i", r.nextInt(5));
            }
            if (r.nextInt(3) == 0) {
                b.stringField("s", "v" + r.nextInt(4));
            }
            if (r.nextInt(3) == 0) {
                b.booleanField("b", r.nextBoolean());
            }
            out.add(b.build());
        }
        return out;
    }

    private SelectPlan plan(String q, ShardStore store) {
        return SelectCompiler.compile((SelectStatement) InfluxQLParser.parseStatement(q), T0 + 7 * HOUR,
                List.of(new MeasurementSchema("cpu", store.fieldTypes("cpu"),
                        Set.copyOf(store.tagKeys("cpu", TagPredicate.all())))));
    }

    private static String result(SelectPlan plan, ShardReader reader) {
        return new AggregateAssembler(plan).add(ShardSelectExecutor.execute(plan, reader).partials()).series()
                .toString();
    }

    /** The reader's rows only: the aggregate path builds its blocks from every value of every series. */
    private static ShardReader everyValue(StoreShardReader reader) {
        return new ShardReader() {
            @Override
            public List<SeriesKey> series(String measurement, Expr tagPredicate) {
                return reader.series(measurement, tagPredicate);
            }

            @Override
            public Map<String, FieldType> fieldTypes(String measurement) {
                return reader.fieldTypes(measurement);
            }

            @Override
            public void scan(SeriesKey series, List<String> fields, long minTime, long maxTime, RowConsumer consumer) {
                reader.scan(series, fields, minTime, maxTime, consumer);
            }
        };
    }
}
