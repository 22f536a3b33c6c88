package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.SeriesKey;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.function.Accumulator;
import io.shardline.query.function.PartialState;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.value.Utf8Order;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The owner folds its per-series means and sums of each output series in exactly the order of 1.x's parallel
 * merge: checked bit for bit against a plain reference that boxes every (series, bucket) cell and runs the
 * generic {@link GoMergeOrder} over them, on seeded random series with gaps, ascending and descending.
 */
class PartialAggregatorFoldTest {

    private static final long T0 = 1_257_894_000_000_000_000L;
    private static final long S = 1_000_000_000L;
    private static final String RANGE = " WHERE time >= '2009-11-10T23:00:00Z' AND time < '2009-11-11T01:00:00Z'";

    @Test
    void foldEqualsTheGenericMergeOrderBitForBit() {
        long seed = System.nanoTime();
        System.out.println("PartialAggregatorFoldTest seed=" + seed);
        Random r = new Random(seed);
        for (int round = 0; round < 20; round++) {
            InMemoryShard shard = new InMemoryShard();
            int hosts = 1 + r.nextInt(60);
            for (int i = 0; i < 1500; i++) {
                String host = "h" + r.nextInt(hosts);
                // values of very different magnitudes, so a different fold order changes the last digits
                double v = r.nextGaussian() * Math.pow(10, r.nextInt(12));
                shard.add("m", T0 + r.nextInt(7200) * S, Map.of("f", v), "host", host, "dc", "d" + (host.length() % 3));
            }
            TestRunner runner = new TestRunner(T0 + 3 * 3600 * S, shard);
            for (String q : List.of("SELECT mean(f), sum(f), max(f) FROM m" + RANGE + " GROUP BY time(7m), dc",
                    "SELECT mean(f) FROM m" + RANGE + " GROUP BY time(3m) ORDER BY time DESC",
                    "SELECT sum(f), mean(f) FROM m" + RANGE)) {
                SelectPlan plan = runner.plan((SelectStatement) InfluxQLParser.parseQuery(q).statements().get(0));
                assertThat(states(ShardSelectExecutor.execute(plan, shard).partials()))
                        .as("seed %d round %d %s", seed, round, q).isEqualTo(reference(plan, shard));
            }
        }
    }

    private static Map<String, List<PartialState>> states(List<PartialGroup> partials) {
        Map<String, List<PartialState>> out = new TreeMap<>();
        for (PartialGroup p : partials) {
            out.put(p.group() + "@" + p.bucket(), p.states());
        }
        return out;
    }

    /** Per (series, bucket) accumulators fed in the query's time order, folded in GoMergeOrder's order. */
    private static Map<String, List<PartialState>> reference(SelectPlan plan, InMemoryShard shard) {
        Map<GroupKey, TreeMap<String, TreeMap<Long, Accumulator[]>>> cells = new HashMap<>();
        List<String> fields = List.of("f");
        for (SeriesKey s : shard.series("m", plan.tagPredicate())) {
            TreeMap<Long, Accumulator[]> buckets = cells.computeIfAbsent(GroupKey.of(s, plan.groupByTags()),
                    g -> new TreeMap<>(Utf8Order.COMPARATOR)).computeIfAbsent(s.toString(), k -> new TreeMap<>());
            List<long[]> times = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            shard.scan(s, fields, plan.timeRange().minTime(), plan.timeRange().maxTime(), (t, v) -> {
                times.add(new long[] {t});
                values.add((Double) v[0]);
            });
            for (int k = 0; k < values.size(); k++) {
                int i = plan.ascending() ? k : values.size() - 1 - k;
                long t = times.get(i)[0];
                long bucket = plan.interval() != null ? plan.interval().bucketStart(t) : plan.startTime();
                for (Accumulator a : buckets.computeIfAbsent(bucket, b -> newCell(plan))) {
                    a.add(t, values.get(i), null);
                }
            }
        }
        Map<String, List<PartialState>> out = new TreeMap<>();
        cells.forEach((group, series) -> {
            List<List<GoMergeOrder.Item<Accumulator[]>>> inputs = new ArrayList<>();
            for (TreeMap<Long, Accumulator[]> b : (plan.ascending() ? series : series.descendingMap()).values()) {
                List<GoMergeOrder.Item<Accumulator[]>> in = new ArrayList<>();
                (plan.ascending() ? b : b.descendingMap()).forEach((w, accs) ->
                        in.add(new GoMergeOrder.Item<>("", new byte[0], w, accs)));
                inputs.add(in);
            }
            Map<Long, Accumulator[]> folded = new HashMap<>();
            for (GoMergeOrder.Item<Accumulator[]> item : GoMergeOrder.parallelMerge(inputs,
                    PartialAggregator.PARALLELISM, plan.ascending())) {
                Accumulator[] into = folded.computeIfAbsent(item.window(), w -> newCell(plan));
                for (int c = 0; c < into.length; c++) {
                    into[c].merge(item.payload()[c].partial());
                }
            }
            folded.forEach((w, accs) -> out.put(group + "@" + w, PartialAggregator.states(accs)));
        });
        return out;
    }

    private static Accumulator[] newCell(SelectPlan plan) {
        Accumulator[] accs = new Accumulator[plan.calls().size()];
        for (int i = 0; i < accs.length; i++) {
            accs[i] = plan.calls().get(i).newAccumulator(plan.ascending());
        }
        return accs;
    }
}
