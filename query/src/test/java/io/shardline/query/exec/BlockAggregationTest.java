package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.query.ast.SelectStatement;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.value.Unsigned;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The owner's block path for aggregates gives exactly the partial states of the row path (same values, same
 * float rounding), on seeded random data of every field type, for every function and bucket layout.
 */
class BlockAggregationTest {

    private static final long T0 = 1_257_894_000_000_000_000L;
    private static final long S = 1_000_000_000L;

    private static InMemoryShard randomShard(long seed) {
        Random r = new Random(seed);
        InMemoryShard shard = new InMemoryShard();
        for (int i = 0; i < 600; i++) {
            long t = T0 + r.nextInt(7200) * S;
            String host = "h" + r.nextInt(4);
            Map<String, Object> fields = new java.util.HashMap<>();
            if (r.nextInt(4) > 0) {
                fields.put("f", r.nextGaussian() * 1e3);
            }
            if (r.nextInt(4) > 0) {
                fields.put("i", (long) r.nextInt(2000) - 1000);
            }
            if (r.nextInt(4) > 0) {
                fields.put("u", new Unsigned(r.nextInt(100)));
            }
            if (r.nextInt(4) > 0) {
                fields.put("b", r.nextBoolean());
            }
            if (r.nextInt(4) > 0) {
                fields.put("s", "v" + r.nextInt(5));
            }
            if (!fields.isEmpty()) {
                shard.add("m", t, fields, "host", host, "dc", "d" + (host.hashCode() & 1));
            }
        }
        return shard;
    }

    @Test
    void blockPathEqualsRowPath() {
        long seed = 42;
        System.out.println("seed=" + seed);
        InMemoryShard shard = randomShard(seed);
        List<String> queries = new ArrayList<>();
        String range = " WHERE time >= '2009-11-10T23:00:00Z' AND time < '2009-11-11T01:00:00Z'";
        for (String f : List.of("f", "i")) {
            queries.add("SELECT count(" + f + "), sum(" + f + "), mean(" + f + "), min(" + f + "), max(" + f + "), first("
                    + f + "), last(" + f + "), spread(" + f + "), stddev(" + f + "), median(" + f + "), percentile("
                    + f + ", 90) FROM m" + range + " GROUP BY time(7m, 2m), host");
            queries.add("SELECT distinct(" + f + ") FROM m" + range + " GROUP BY time(20m)");
            queries.add("SELECT sum(" + f + ") FROM m GROUP BY dc");
            queries.add("SELECT max(" + f + ") FROM m" + range);
        }
        queries.add("SELECT count(u), sum(u), max(u), min(b), max(b), count(b), first(s), last(s), count(s) FROM m"
                + range + " GROUP BY time(1h)");
        queries.add("SELECT count(distinct(s)) FROM m GROUP BY *");
        TestRunner runner = new TestRunner(T0 + 3 * 3600 * S, shard);
        for (String q : queries) {
            SelectPlan plan = runner.plan((SelectStatement) InfluxQLParser.parseQuery(q).statements().get(0));
            assertThat(BlockAggregation.applies(plan, shard.fieldTypes("m"))).as(q).isTrue();
            assertThat(partials(plan, shard, true)).as(q).isEqualTo(partials(plan, shard, false));
        }
    }

    private static String partials(SelectPlan plan, InMemoryShard shard, boolean blocks) {
        List<PartialGroup> out = new ArrayList<>();
        ShardSelectExecutor.execute(plan, shard, new ShardResultSink() {
            @Override
            public void rows(List<RawRow> rows) {
                throw new AssertionError("rows from an aggregate");
            }

            @Override
            public void partials(List<PartialGroup> partials) {
                out.addAll(partials);
            }
        }, blocks);
        return new AggregateAssembler(plan).add(out).series().toString();
    }

    @Test
    void unsupportedTypeFailsLikeTheRowPath() {
        InMemoryShard shard = new InMemoryShard().add("m", T0, Map.of("s", "x"));
        TestRunner runner = new TestRunner(T0, shard);
        assertThat(runner.json("SELECT mean(s) FROM m")).isEqualTo("{\"results\":[{\"statement_id\":0,\"error\":"
                + "\"unsupported mean iterator type: *query.stringInterruptIterator\"}]}\n");
    }

    @Test
    void rawQueriesReadAndSendOnlyLimitPlusOffsetRowsPerSeries() {
        InMemoryShard shard = new InMemoryShard();
        for (int i = 0; i < 100; i++) {
            shard.add("m", T0 + i * S, Map.of("v", (double) i), "host", "h" + (i % 2));
        }
        int[] visited = {0};
        io.shardline.query.spi.ShardReader counting = new io.shardline.query.spi.ShardReader() {
            @Override
            public void scan(io.shardline.model.SeriesKey series, List<String> fields, long minTime, long maxTime,
                    io.shardline.query.spi.RowConsumer consumer) {
                shard.scan(series, fields, minTime, maxTime, (t, v) -> {
                    visited[0]++;
                    consumer.accept(t, v);
                });
            }

            @Override
            public List<io.shardline.model.SeriesKey> series(String m, io.shardline.query.ast.Expr p) {
                return shard.series(m, p);
            }

            @Override
            public Map<String, io.shardline.model.FieldType> fieldTypes(String m) {
                return shard.fieldTypes(m);
            }
        };
        TestRunner runner = new TestRunner(T0, shard);
        SelectPlan plan = runner.plan((SelectStatement) InfluxQLParser.parseQuery(
                "SELECT v FROM m ORDER BY time DESC LIMIT 2 OFFSET 1").statements().get(0));
        List<RawRow> rows = ShardSelectExecutor.execute(plan, counting).rows();
        assertThat(rows).extracting(RawRow::time).containsExactly(T0 + 99 * S, T0 + 98 * S, T0 + 97 * S);
        assertThat(new RawAssembler(plan).add(rows).series().get(0).values()).hasSize(2);
        // The default descending scan reads a series whole; the early stop still bounds what is kept and sent.
        assertThat(visited[0]).isEqualTo(100);
    }
}
