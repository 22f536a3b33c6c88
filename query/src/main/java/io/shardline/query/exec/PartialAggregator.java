package io.shardline.query.exec;

import io.shardline.model.SeriesKey;
import io.shardline.query.ast.VarRef;
import io.shardline.query.eval.Valuer;
import io.shardline.query.function.Accumulator;
import io.shardline.query.function.AggregateFunction;
import io.shardline.query.function.PartialState;
import io.shardline.query.plan.AggregateCall;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.value.Utf8Order;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Feeds rows into one accumulator per (output series, bucket, call) and hands out the partial states: the
 * owner-side half of an aggregate query. Not thread-safe.
 *
 * <p>Plans with {@code mean} or {@code sum} are aggregated per stored series first and the series' results are
 * folded per (output series, bucket) in the order 1.x's shard engine merges its per-series call iterators
 * ({@code NewParallelMergeIterator} with one group per CPU, see {@link GoMergeOrder}), so float results carry
 * 1.x's rounding: 1.x merges per-series means weighted by their counts.
 */
public final class PartialAggregator {

    /** 1.x's {@code runtime.GOMAXPROCS(0)}: the shard engine merges series in this many parallel groups. */
    static final int PARALLELISM = Runtime.getRuntime().availableProcessors();

    private final SelectPlan plan;
    private final boolean perSeries;
    /**
     * Group -> bucket -> accumulators; a group's partials leave together (the coordinator looks it up once), in the
     * order the groups were first added to: series come in key order, so the coordinator's sort of the groups finds
     * them mostly in order.
     */
    private final Map<GroupKey, BucketCells> cells = new LinkedHashMap<>();
    /** The cells of the group added to last (rows and blocks come series after series). */
    private GroupKey lastGroup;
    private BucketCells lastGroupCells;
    /** perSeries: group -> series key text (UTF-8 order) -> bucket -> accumulators. */
    private final Map<GroupKey, TreeMap<String, BucketCells>> series = new LinkedHashMap<>();
    /** perSeries: the cells of the series added last. */
    private SeriesKey lastSeries;
    private BucketCells lastSeriesCells;

    public PartialAggregator(SelectPlan plan) {
        this.plan = plan;
        this.perSeries = orderSensitive(plan);
    }

    /** Whether the plan has calls whose float result depends on the order partial results are folded in. */
    static boolean orderSensitive(SelectPlan plan) {
        for (AggregateCall c : plan.calls()) {
            if (c.function() == AggregateFunction.MEAN || c.function() == AggregateFunction.SUM) {
                return true;
            }
        }
        return false;
    }

    /** The bucket a point at {@code time} falls in. */
    public long bucketOf(long time) {
        return plan.interval() != null ? plan.interval().bucketStart(time) : plan.startTime();
    }

    /**
     * Declares a stored series selected for the query (1.x's merge groups count every series of the tag set,
     * also those without points in the range).
     */
    public void register(SeriesKey s) {
        if (perSeries) {
            seriesCells(GroupKey.of(s, plan.groupByTags()), s);
        }
    }

    private BucketCells seriesCells(GroupKey group, SeriesKey s) {
        if (s != lastSeries) {
            lastSeriesCells = series.computeIfAbsent(group, g -> new TreeMap<>(Utf8Order.COMPARATOR))
                    .computeIfAbsent(s.toString(), k -> new BucketCells());
            lastSeries = s;
        }
        return lastSeriesCells;
    }

    /** Adds one row of stored series {@code s} (in output group {@code group}) at {@code time}. */
    public void add(GroupKey group, SeriesKey s, long time, Valuer row) {
        List<AggregateCall> calls = plan.calls();
        Object[] aux = null;
        if (!plan.auxRefs().isEmpty()) {
            aux = new Object[plan.auxRefs().size()];
            for (int i = 0; i < aux.length; i++) {
                aux[i] = row.value(plan.auxRefs().get(i));
            }
        }
        Accumulator[] accs = null;
        for (int i = 0; i < calls.size(); i++) {
            VarRef field = calls.get(i).field();
            Object v = row.value(field);
            if (v == null) {
                continue;
            }
            if (accs == null) {
                accs = cell(group, s, bucketOf(time));
            }
            accs[i].add(time, v, aux);
        }
    }

    /** The accumulators (one per call) of {@code group}, stored series {@code s} and {@code bucket}. */
    public Accumulator[] cell(GroupKey group, SeriesKey s, long bucket) {
        if (perSeries) {
            return seriesCells(group, s).computeIfAbsent(bucket, this::newCell);
        }
        return groupCells(group).computeIfAbsent(bucket, this::newCell);
    }

    private BucketCells groupCells(GroupKey group) {
        if (group != lastGroup) {
            lastGroupCells = cells.computeIfAbsent(group, g -> new BucketCells());
            lastGroup = group;
        }
        return lastGroupCells;
    }

    private Accumulator[] newCell() {
        QueryMemory.reserve(QueryMemory.CELL + QueryMemory.VALUE * plan.calls().size());
        Accumulator[] accs = new Accumulator[plan.calls().size()];
        for (int i = 0; i < accs.length; i++) {
            accs[i] = plan.calls().get(i).newAccumulator(plan.ascending());
        }
        return accs;
    }

    /** The partial states gathered so far, one entry per non-empty (group, bucket). */
    public List<PartialGroup> drain() {
        if (perSeries) {
            foldSeries();
        }
        List<PartialGroup> out = new ArrayList<>();
        cells.forEach((group, buckets) -> {
            for (int i = 0; i < buckets.size(); i++) {
                out.add(new PartialGroup(group, buckets.bucket(i), states(buckets.cell(i))));
            }
        });
        cells.clear();
        lastGroup = null;
        lastGroupCells = null;
        return out;
    }

    static List<PartialState> states(Accumulator[] accs) {
        PartialState[] states = new PartialState[accs.length];
        for (int i = 0; i < states.length; i++) {
            states[i] = accs[i].partial();
        }
        return List.of(states); // immutable already: PartialGroup keeps it without copying
    }

    /** Folds each group's per-series cells into the group's cells in 1.x's merge order. */
    private void foldSeries() {
        boolean ascending = plan.ascending();
        for (Map.Entry<GroupKey, TreeMap<String, BucketCells>> g : series.entrySet()) {
            // 1.x reverses the series of each tag set for ORDER BY time DESC
            BucketCells[] inputs = (ascending ? g.getValue() : g.getValue().descendingMap()).values()
                    .toArray(new BucketCells[0]);
            long[][] windows = new long[inputs.length][];
            for (int s = 0; s < inputs.length; s++) {
                windows[s] = inputs[s].buckets(ascending);
            }
            BucketCells target = groupCells(g.getKey());
            int[] taken = new int[inputs.length];
            for (int s : WindowMergeOrder.parallelMerge(windows, PARALLELISM, ascending).sources()) {
                BucketCells in = inputs[s];
                int i = ascending ? taken[s]++ : in.size() - 1 - taken[s]++;
                Accumulator[] into = target.computeIfAbsent(in.bucket(i), this::newCell);
                Accumulator[] from = in.cell(i);
                for (int c = 0; c < into.length; c++) {
                    into[c].merge(from[c].partial());
                }
            }
        }
        series.clear();
        lastSeries = null;
        lastSeriesCells = null;
    }
}
