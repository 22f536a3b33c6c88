package io.shardline.query.exec;

import io.shardline.query.function.Accumulator;
import io.shardline.query.function.AggregateFunction;
import io.shardline.query.function.AggregatePoint;
import io.shardline.query.function.IntegralReducer;
import io.shardline.query.function.SampleState;
import io.shardline.query.plan.AggregateCall;
import io.shardline.query.plan.Interval;
import io.shardline.query.plan.SelectPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The columns 1.x answers unfilled at their own times, of one output series: each {@code integral} call's values as
 * 1.x emits them (see {@link IntegralReducer}) and a {@code sample} next to other calls (its points), zipped with
 * the other calls' buckets by time as 1.x's cursor zips its iterators. Without other calls the rows are exactly
 * these values; a time emitted twice (several sampled points at one time, or under ORDER BY time DESC a point on
 * an integral window's start that reopens the window) gives several rows, the other calls' values on the first.
 * Single-use, not thread-safe.
 */
final class UnfilledColumns {

    private final SelectPlan plan;
    /** call index -> time -> values in 1.x's emission order. */
    private final Map<Integer, Map<Long, List<Object>>> values = new HashMap<>();
    private long[] times;
    private int[] occurrence;
    private int[] rowsAtTime;

    UnfilledColumns(SelectPlan plan, BucketCells cells) {
        this.plan = plan;
        Interval iv = plan.interval();
        for (int c = 0; c < plan.calls().size(); c++) {
            AggregateCall call = plan.calls().get(c);
            if (call.function() == AggregateFunction.SAMPLE && plan.calls().size() > 1) {
                values.put(c, sampled(cells, c));
            }
            if (call.function() != AggregateFunction.INTEGRAL) {
                continue;
            }
            List<AggregatePoint> points = new ArrayList<>();
            for (int b = 0; b < cells.size(); b++) {
                points.addAll(((SampleState) cells.cell(b)[c].partial()).points());
            }
            QueryMemory.reserve(points.size(), 2 * QueryMemory.VALUE); // the sorted copy the reducer walks
            Map<Long, List<Object>> byTime = new HashMap<>();
            for (IntegralReducer.Out o : IntegralReducer.integrate(points, call.integralUnit(),
                    iv == null ? null : iv::bucketStart, iv == null ? 0 : iv.duration(), plan.startTime(),
                    plan.ascending())) {
                byTime.computeIfAbsent(o.time(), t -> new ArrayList<>()).add(o.value());
            }
            values.put(c, byTime);
        }
    }

    /**
     * Whether some call of {@code plan} is answered unfilled (an {@code integral}, or a {@code sample} next to other
     * calls); when none is, every series' columns are empty and one instance serves them all.
     */
    static boolean anyIn(SelectPlan plan) {
        for (AggregateCall call : plan.calls()) {
            if (call.function() == AggregateFunction.INTEGRAL
                    || call.function() == AggregateFunction.SAMPLE && plan.calls().size() > 1) {
                return true;
            }
        }
        return false;
    }

    /** A {@code sample} next to other calls: its points at their own times (1.x zips the sample iterator too). */
    private static Map<Long, List<Object>> sampled(BucketCells cells, int c) {
        Map<Long, List<Object>> byTime = new HashMap<>();
        for (int b = 0; b < cells.size(); b++) {
            for (AggregatePoint p : cells.cell(b)[c].emit()) {
                byTime.computeIfAbsent(p.time(), t -> new ArrayList<>()).add(p.value());
            }
        }
        return byTime;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    boolean isUnfilled(int call) {
        return values.containsKey(call);
    }

    /** The row times (ascending, a time repeated for each row at it) from the other calls' bucket times. */
    long[] times(long[] bucketTimes) {
        TreeMap<Long, Integer> rows = new TreeMap<>();
        if (values.size() < plan.calls().size()) {
            for (long t : bucketTimes) {
                rows.put(t, 1);
            }
        }
        for (Map<Long, List<Object>> byTime : values.values()) {
            byTime.forEach((t, v) -> rows.merge(t, v.size(), Math::max));
        }
        int total = rows.values().stream().mapToInt(Integer::intValue).sum();
        times = new long[total];
        occurrence = new int[total];
        rowsAtTime = new int[total];
        int b = 0;
        for (Map.Entry<Long, Integer> e : rows.entrySet()) {
            for (int j = 0; j < e.getValue(); j++, b++) {
                times[b] = e.getKey();
                occurrence[b] = j;
                rowsAtTime[b] = e.getValue();
            }
        }
        return times;
    }

    /** Whether row {@code b} carries the other calls' values (the first of its time in output order). */
    boolean carriesOthers(int b) {
        return occurrence[b] == (plan.ascending() ? 0 : rowsAtTime[b] - 1);
    }

    /** Integral call {@code c}'s value in row {@code b}, or {@link BucketFiller#MISSING}. */
    Object value(int c, int b) {
        List<Object> at = values.get(c).get(times[b]);
        // rows are built ascending and reversed for DESC: the j-th row at a time shows the j-th value in output order
        int j = plan.ascending() ? occurrence[b] : rowsAtTime[b] - 1 - occurrence[b];
        return at == null || j >= at.size() ? BucketFiller.MISSING : at.get(j);
    }
}
