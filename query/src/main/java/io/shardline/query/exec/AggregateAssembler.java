package io.shardline.query.exec;

import io.shardline.query.ast.Call;
import io.shardline.query.ast.Field;
import io.shardline.query.ast.FillOption;
import io.shardline.query.ast.VarRef;
import io.shardline.query.eval.ExprEvaluator;
import io.shardline.query.eval.Valuer;
import io.shardline.query.function.Accumulator;
import io.shardline.query.function.AggregateFunction;
import io.shardline.query.function.AggregatePoint;
import io.shardline.query.plan.AggregateCall;
import io.shardline.query.plan.Interval;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.result.Series;
import io.shardline.query.value.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinator half of an aggregate query: merges the shards' partial states per (series, bucket), emits
 * the buckets from the lower bound's bucket (or the series' first one) through the upper bound's, fills empty
 * ones, evaluates the projections and applies ORDER BY, LIMIT/OFFSET and SLIMIT/SOFFSET. Not thread-safe.
 */
public final class AggregateAssembler {

    private final SelectPlan plan;
    /**
     * Hashed while merging (no tag comparisons per partial); sorted once when the series are emitted. In the order
     * the groups first came: a shard hands its groups out in the order it read its series (key order), so that sort
     * mostly finds runs already in order instead of comparing every key about log2(n) times.
     */
    private final Map<GroupKey, BucketCells> merged = new LinkedHashMap<>();
    private final Map<String, Integer> callIndex = new HashMap<>();
    private final boolean orderSensitive;
    /** orderSensitive: each shard's partials, in the order the shards were added. */
    private final List<List<PartialGroup>> shards = new ArrayList<>();
    /** The projections' call nodes to their index, so rows do not render each call's text again. */
    private final Map<Call, Integer> callNodes = new java.util.IdentityHashMap<>();
    /** The calls' functions and the distinct() column ({@link #distinctColumn}), the same for every series. */
    private final List<AggregateFunction> functions;
    private final int distinct;
    /** The (empty) unfilled columns of every series when the plan has no unfilled call, else null. */
    private final UnfilledColumns noUnfilled;

    public AggregateAssembler(SelectPlan plan) {
        this.plan = plan;
        this.orderSensitive = PartialAggregator.orderSensitive(plan);
        for (int i = 0; i < plan.calls().size(); i++) {
            callIndex.put(plan.calls().get(i).key(), i);
        }
        this.functions = plan.calls().stream().map(AggregateCall::function).toList();
        this.distinct = distinctColumn(functions);
        this.noUnfilled = UnfilledColumns.anyIn(plan) ? null : new UnfilledColumns(plan, new BucketCells());
    }

    /**
     * Merges one shard's partial aggregates; call it once per shard in the shards' time order (1.x's shard
     * order). Plans with {@code mean} or {@code sum} keep the shards' partials until {@link #series()} and fold
     * them in the order 1.x's merge iterator would ({@link GoMergeOrder}).
     */
    public AggregateAssembler add(Iterable<PartialGroup> partials) {
        if (orderSensitive) {
            List<PartialGroup> shard = new ArrayList<>();
            partials.forEach(shard::add);
            shards.add(shard);
            return this;
        }
        merge(partials);
        return this;
    }

    private void merge(Iterable<PartialGroup> partials) {
        GroupKey lastGroup = null;
        BucketCells lastCells = null;
        for (PartialGroup p : partials) {
            if (p.group() != lastGroup) { // a shard's partials come group by group
                lastGroup = p.group();
                lastCells = merged.computeIfAbsent(lastGroup, g -> new BucketCells());
            }
            Accumulator[] accs = lastCells.computeIfAbsent(p.bucket(), () -> {
                QueryMemory.reserve(QueryMemory.CELL + QueryMemory.VALUE * plan.calls().size());
                return newCell();
            });
            for (int i = 0; i < accs.length; i++) {
                accs[i].merge(p.states().get(i));
            }
        }
    }

    /**
     * 1.x's last two folds: the shards of each source merged ({@code Shards.CreateIterator}) in heap order, then
     * once more per source ({@code callIterator}'s merge, which re-weights a mean by its count).
     */
    private void foldShards() {
        Map<String, List<List<PartialGroup>>> byMeasurement = new TreeMap<>();
        for (int s = 0; s < shards.size(); s++) {
            for (PartialGroup p : shards.get(s)) {
                List<List<PartialGroup>> inputs = byMeasurement.computeIfAbsent(p.group().measurement(),
                        m -> new ArrayList<>());
                while (inputs.size() <= s) {
                    inputs.add(new ArrayList<>());
                }
                inputs.get(s).add(p);
            }
        }
        for (List<List<PartialGroup>> inputs : byMeasurement.values()) {
            List<List<PartialGroup>> read = inputs.stream().filter(in -> !in.isEmpty()).toList();
            if (read.size() == 1) {
                // One shard: it has one partial per (series, bucket), so no cell folds two and the order is moot.
                merge(read.get(0));
            } else {
                merge(heapOrder(inputs));
            }
        }
        shards.clear();
        for (BucketCells cells : merged.values()) {
            for (int c = 0; c < cells.size(); c++) {
                Accumulator[] accs = cells.cell(c);
                for (int i = 0; i < accs.length; i++) {
                    if (plan.calls().get(i).function() == AggregateFunction.MEAN) {
                        Accumulator again = plan.calls().get(i).newAccumulator(plan.ascending());
                        again.merge(accs[i].partial());
                        accs[i] = again;
                    }
                }
            }
        }
    }

    /** The partials of several shards of one measurement in the order 1.x's merge heap hands them out. */
    private List<PartialGroup> heapOrder(List<List<PartialGroup>> shardPartials) {
        Comparator<GoMergeOrder.Item<PartialGroup>> order = Comparator.<GoMergeOrder.Item<PartialGroup>, byte[]>comparing(
                GoMergeOrder.Item::tags, Arrays::compareUnsigned).thenComparingLong(GoMergeOrder.Item::window);
        List<List<GoMergeOrder.Item<PartialGroup>>> inputs = new ArrayList<>(shardPartials.size());
        for (List<PartialGroup> shard : shardPartials) {
            List<GoMergeOrder.Item<PartialGroup>> in = new ArrayList<>(shard.size());
            for (PartialGroup p : shard) {
                in.add(new GoMergeOrder.Item<>(p.group().measurement(),
                        GoMergeOrder.tagsId(new ArrayList<>(p.group().tags().values())), p.bucket(), p));
            }
            in.sort(plan.ascending() ? order : order.reversed());
            inputs.add(in);
        }
        return GoMergeOrder.merge(inputs, plan.ascending()).stream().map(GoMergeOrder.Item::payload).toList();
    }

    private Accumulator[] newCell() {
        Accumulator[] accs = new Accumulator[plan.calls().size()];
        for (int i = 0; i < accs.length; i++) {
            accs[i] = plan.calls().get(i).newAccumulator(plan.ascending());
        }
        return accs;
    }

    /** The output series, ordered by name and tags (descending with ORDER BY time DESC, as 1.x). */
    public List<Series> series() {
        if (orderSensitive) {
            foldShards();
        }
        List<Series> out = new ArrayList<>();
        List<Map.Entry<GroupKey, BucketCells>> sorted = new ArrayList<>(merged.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        for (Map.Entry<GroupKey, BucketCells> e : Paging.seriesOrder(sorted, plan.ascending(),
                plan.slimit(), plan.soffset())) {
            List<List<Object>> rows = rows(e.getValue());
            if (!plan.ascending()) {
                Collections.reverse(rows);
            }
            rows = Transformer.transformAndPage(plan, rows);
            if (!rows.isEmpty()) {
                GroupKey g = e.getKey();
                out.add(Series.of(g.measurement(), plan.hasTagGroups() ? g.tags() : null, plan.columns(), rows));
            }
        }
        return out;
    }

    private List<List<Object>> rows(BucketCells cells) {
        UnfilledColumns unfilled = noUnfilled != null ? noUnfilled : new UnfilledColumns(plan, cells);
        long[] times = bucketTimes(cells);
        if (!unfilled.isEmpty()) {
            times = unfilled.times(times);
        }
        int n = plan.calls().size();
        Object[][] values = new Object[times.length][n];
        AggregatePoint[][] points = new AggregatePoint[times.length][n];
        List<List<AggregatePoint>> distinctValues = new ArrayList<>(times.length);
        for (int b = 0; b < times.length; b++) {
            Accumulator[] accs = unfilled.isEmpty() || unfilled.carriesOthers(b) ? cells.get(times[b]) : null;
            List<AggregatePoint> first = List.of();
            for (int c = 0; c < n; c++) {
                if (unfilled.isUnfilled(c)) {
                    values[b][c] = unfilled.value(c, b);
                    continue;
                }
                List<AggregatePoint> emitted = accs == null ? List.of() : accs[c].emit();
                values[b][c] = emitted.isEmpty() ? BucketFiller.MISSING : emitted.get(0).value();
                points[b][c] = emitted.isEmpty() ? null : emitted.get(0);
                if (c == Math.max(distinct, 0)) {
                    first = emitted;
                }
            }
            distinctValues.add(first);
        }
        boolean[] empty = new boolean[times.length];
        for (int b = 0; b < times.length && plan.interval() == null; b++) {
            empty[b] = allMissing(values[b]); // without GROUP BY time a row of no values is not filled (1.x)
        }
        BucketFiller.fill(times, values, functions, plan.fill(), plan.fillValue(), plan.ascending());
        for (int c = 0; c < n && !unfilled.isEmpty(); c++) { // 1.x never fills an integral or a sample
            for (int b = 0; b < times.length && unfilled.isUnfilled(c); b++) {
                values[b][c] = unfilled.value(c, b);
            }
        }
        boolean explicitTime = !unfilled.isEmpty();
        boolean multiPoint = n == 1 && functions.get(0).isMultiPoint();
        List<List<Object>> rows = new ArrayList<>();
        for (int b = 0; b < times.length; b++) {
            if (empty[b] || allMissing(values[b])) {
                continue;
            }
            if (multiPoint) { // top/bottom: one row per selected point, at the point's time
                List<AggregatePoint> selected = new ArrayList<>(distinctValues.get(b));
                if (!plan.ascending()) {
                    Collections.reverse(selected); // 1.x keeps a bucket's points by ascending time under DESC
                }
                for (AggregatePoint p : selected) {
                    rows.add(row(p.time(), new Object[] {p.value()}, new AggregatePoint[] {p}, false));
                }
            } else if (distinct >= 0 && distinctValues.get(b).size() > 1) {
                // one row per value; the other calls' values in the first (a transformation over distinct() pairs
                // them with its points like 1.x's cursor)
                List<AggregatePoint> distinctPoints = new ArrayList<>(distinctValues.get(b));
                if (!plan.ascending()) {
                    Collections.reverse(distinctPoints); // 1.x lists them by ascending time under DESC too
                }
                for (int k = 0; k < distinctPoints.size(); k++) {
                    Object[] vals = k == 0 ? values[b].clone() : missing(n);
                    vals[distinct] = distinctPoints.get(k).value();
                    AggregatePoint[] pts = n == 1 ? new AggregatePoint[] {distinctPoints.get(k)}
                            : k == 0 ? points[b] : new AggregatePoint[n];
                    rows.add(row(times[b], vals, pts, false));
                }
            } else {
                rows.add(row(times[b], values[b], points[b], explicitTime));
            }
        }
        return rows;
    }

    /**
     * The call whose every value becomes a row: a lone {@code distinct()}, or the one {@code distinct()} a
     * transformation reads next to other calls; -1 if none.
     */
    private int distinctColumn(List<AggregateFunction> functions) {
        int found = -1;
        for (int c = 0; c < functions.size(); c++) {
            if (functions.get(c) == AggregateFunction.DISTINCT) {
                if (found >= 0) {
                    return -1;
                }
                found = c;
            }
        }
        return functions.size() == 1 || !plan.transforms().isEmpty() ? found : -1;
    }

    private static Object[] missing(int n) {
        Object[] a = new Object[n];
        Arrays.fill(a, BucketFiller.MISSING);
        return a;
    }

    private static boolean allMissing(Object[] values) {
        for (Object v : values) {
            if (v != BucketFiller.MISSING) {
                return false;
            }
        }
        return true;
    }

    private long[] bucketTimes(BucketCells cells) {
        Interval iv = plan.interval();
        if (iv == null || plan.fill() == FillOption.NONE) {
            return cells.buckets();
        }
        long lo = plan.timeRange().hasMin() ? iv.bucketStart(plan.timeRange().min()) : cells.firstBucket();
        long hi = iv.bucketStart(plan.timeRange().maxTime());
        long count = hi < lo ? 0 : (hi - lo) / iv.duration() + 1;
        // Declared before allocating: GROUP BY time(1ns) over years is refused here, not by the heap.
        QueryMemory.reserve(count, QueryMemory.ROW + 2 * QueryMemory.VALUE * plan.calls().size());
        long[] dataBuckets = iv.zone() == null ? new long[0] // UTC buckets are all on the grid
                : cells.buckets();
        return iv.fillTimes(lo, hi, dataBuckets);
    }

    private List<Object> row(long bucket, Object[] callValues, AggregatePoint[] points, boolean explicitTime) {
        AggregatePoint selected = points.length == 1 ? points[0] : null;
        long time = explicitTime ? bucket
                : plan.pointTime() && selected != null && selected.time() != AggregatePoint.NO_TIME
                ? selected.time() : plan.interval() != null ? bucket : plan.startTime();
        Valuer valuer = new Valuer() {
            @Override
            public Object value(VarRef ref) {
                int i = plan.auxRefs().indexOf(ref);
                return i < 0 || selected == null || selected.aux() == null ? null : selected.aux()[i];
            }

            @Override
            public Object call(Call call) {
                Integer i = callNodes.computeIfAbsent(call, c -> callIndex.getOrDefault(c.toExactString(), -1));
                return i < 0 ? null : callValues[i];
            }
        };
        List<Object> row = new ArrayList<>(plan.fields().size() + 1);
        row.add(new Timestamp(time));
        for (Field f : plan.fields()) {
            Object v = ExprEvaluator.eval(f.expr(), valuer);
            // the Transformer tells a call without a value (no point of its column) from a null one
            row.add(v == BucketFiller.MISSING && plan.transforms().isEmpty() ? null : v);
        }
        return row;
    }
}
