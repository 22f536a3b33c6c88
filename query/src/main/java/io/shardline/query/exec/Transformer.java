package io.shardline.query.exec;

import io.shardline.query.QueryException;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.FillOption;
import io.shardline.query.ast.VarRef;
import io.shardline.query.eval.ExprEvaluator;
import io.shardline.query.eval.Valuer;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.plan.Transforms;
import io.shardline.query.value.Timestamp;
import io.shardline.query.value.Unsigned;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies 1.x's transformations ({@code derivative}, {@code non_negative_derivative}, {@code difference},
 * {@code non_negative_difference}, {@code moving_average}, {@code cumulative_sum}, {@code elapsed}) to the rows of
 * one output series after the coordinator merged the shards. Each transformed column reads the non-null values of
 * its input column in output order (1.x skips the nil points of fill(null)); the other columns keep their values
 * within the asked time range; rows are the union of the times any column produced, in output order. Memory is
 * the series' rows, which the assembler holds anyway. Stateless.
 */
final class Transformer {

    private Transformer() {
    }

    /** LIMIT/OFFSET of the rows of one series, or the transformations (which page each column) if any. */
    static List<List<Object>> transformAndPage(SelectPlan plan, List<List<Object>> rows) {
        if (plan.transforms().isEmpty()) {
            return Paging.page(rows, plan.limit(), plan.offset());
        }
        return apply(plan, rows);
    }

    /**
     * Transforms the rows ({@code [time, in1, ...]}, in output order, one value per input column) of one series
     * into output rows ({@code [time, out1, ...]}, one value per visible column). Like 1.x's cursor, which reads
     * one iterator per call: each input column yields its points (transformed, or the plain values within the asked
     * range), LIMIT/OFFSET cut each column's points, the rows are the union of their times, a column without a
     * point at a row's time reads 1.x's scanner default (the fill number, the column's previous value with
     * fill(previous), else null), and expression columns are evaluated per row from their input columns.
     */
    static List<List<Object>> apply(SelectPlan plan, List<List<Object>> rows) {
        Transforms t = plan.transforms();
        int n = plan.fields().size();
        TreeMap<Long, List<Object[]>> out = plan.ascending() ? new TreeMap<>()
                : new TreeMap<>(java.util.Comparator.reverseOrder());
        for (int c = 0; c < n; c++) {
            Points points = new Points(rows.size());
            columnPoints(plan, c, rows, points);
            int from = Math.min(Math.max(t.offset(), 0), points.size());
            int to = t.limit() > 0 ? (int) Math.min((long) from + t.limit(), points.size()) : points.size();
            int occurrence = 0;
            for (int i = from; i < to; i++) {
                // several points at one time (distinct() values of a bucket) fill one row each, like 1.x's cursor
                occurrence = i > from && points.times[i] == points.times[i - 1] ? occurrence + 1 : 0;
                cell(out, points.times[i], occurrence, n)[c] = points.values.get(i);
            }
        }
        List<List<Object>> result = new ArrayList<>(out.size());
        Object[] previous = new Object[n];
        for (Map.Entry<Long, List<Object[]>> e : out.entrySet()) {
            for (Object[] cells : e.getValue()) {
                for (int c = 0; c < n; c++) {
                    if (cells[c] == MISSING) {
                        cells[c] = plan.fill() == FillOption.NUMBER ? plan.fillValue()
                                : plan.fill() == FillOption.PREVIOUS ? previous[c] : null;
                    }
                    previous[c] = cells[c];
                }
                List<Object> row = new ArrayList<>(t.visible() + 1);
                row.add(new Timestamp(e.getKey()));
                for (int c = 0; c < t.visible(); c++) {
                    Transforms.Expression x = t.expressions().get(c);
                    row.add(x == null ? cells[c] : evaluate(x, cells));
                }
                result.add(row);
            }
        }
        return result;
    }

    /**
     * The points of input column {@code c} in output order: transformed, or the plain values within the asked
     * range (a call without a value in a bucket has no point).
     */
    private static void columnPoints(SelectPlan plan, int c, List<List<Object>> rows, Emit emit) {
        Transforms t = plan.transforms();
        Transforms.Transform tr = t.byField().get(c);
        if (tr == null) {
            for (List<Object> r : rows) {
                long time = ((Timestamp) r.get(0)).nanos();
                if (time >= t.outputMin() && time <= t.outputMax() && r.get(c + 1) != BucketFiller.MISSING) {
                    emit.point(time, r.get(c + 1));
                }
            }
            return;
        }
        int extensions = t.extensions(tr);
        if (t.inputEmpty() && extensions > 0) {
            return; // 1.x: MinTime minus one interval wraps around, the input reads nothing
        }
        // the buckets this chain reads: the asked ones and as many before them (after them for DESC) as its
        // transformations read in 1.x; the plan read as many as the deepest chain of the statement
        long before = extensions == 0 || t.interval() == 0 ? 0
                : t.interval() > Long.MAX_VALUE / extensions ? Long.MAX_VALUE : extensions * t.interval();
        long from = plan.ascending() ? saturatedSub(t.outputMin(), before) : t.outputMin();
        long to = plan.ascending() ? t.outputMax() : saturatedAdd(t.outputMax(), before);
        long[] times = new long[rows.size()];
        List<Object> values = new ArrayList<>();
        for (List<Object> r : rows) {
            Object v = r.get(c + 1);
            long time = ((Timestamp) r.get(0)).nanos();
            if (v != null && v != BucketFiller.MISSING
                    && (t.interval() == 0 && extensions > 0 || (time >= from && time <= to))) {
                times[values.size()] = time;
                values.add(v);
            }
        }
        runChain(tr, plan.ascending(), times, values, emit);
    }

    private static long saturatedSub(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    /** Runs a transformation over the output of the transformations nested in it, innermost first. */
    private static void runChain(Transforms.Transform tr, boolean ascending, long[] times, List<Object> values,
            Emit emit) {
        if (tr.input() == null) {
            run(tr, ascending, times, values, emit);
            return;
        }
        Points inner = new Points(values.size());
        runChain(tr.input(), ascending, times, values, inner);
        run(tr, ascending, inner.times, inner.values, emit);
    }

    /** The points one column emits, in output order (holt_winters_with_fit emits more than it reads). */
    private static final class Points implements Emit {
        long[] times;
        final List<Object> values;

        Points(int expected) {
            times = new long[Math.max(expected, 1)];
            values = new ArrayList<>(expected);
        }

        @Override
        public void point(long time, Object value) {
            if (values.size() == times.length) {
                times = java.util.Arrays.copyOf(times, times.length * 2);
            }
            times[values.size()] = time;
            values.add(value);
        }

        int size() {
            return values.size();
        }
    }

    /** An expression column: its calls read their input columns, math functions and arithmetic apply per row. */
    private static Object evaluate(Transforms.Expression x, Object[] cells) {
        Object v = ExprEvaluator.eval(x.expr(), new Valuer() {
            @Override
            public Object value(VarRef ref) {
                return null;
            }

            @Override
            public Object call(Call call) {
                Integer slot = x.slots().get(call);
                return slot == null ? null : cells[slot];
            }
        });
        return v instanceof Double d && d.isNaN() ? null : v;
    }

    private static final Object MISSING = new Object();

    private static Object[] cell(TreeMap<Long, List<Object[]>> out, long time, int occurrence, int n) {
        List<Object[]> rowsAtTime = out.computeIfAbsent(time, k -> new ArrayList<>(1));
        while (rowsAtTime.size() <= occurrence) {
            Object[] a = new Object[n];
            java.util.Arrays.fill(a, MISSING);
            rowsAtTime.add(a);
        }
        return rowsAtTime.get(occurrence);
    }

    /** Receives one output point. */
    interface Emit {
        void point(long time, Object value);
    }

    /** Runs one transformation over a column's non-null values (in output order). */
    static void run(Transforms.Transform tr, boolean ascending, long[] times, List<Object> values, Emit emit) {
        switch (tr.name()) {
            case "derivative", "non_negative_derivative" -> derivative(tr, ascending, times, values, emit);
            case "difference", "non_negative_difference" -> difference(tr, times, values, emit);
            case "moving_average" -> movingAverage(tr, times, values, emit);
            case "cumulative_sum" -> cumulativeSum(tr, times, values, emit);
            case "elapsed" -> elapsed(tr, times, values.size(), emit);
            case "holt_winters", "holt_winters_with_fit" -> holtWinters(tr, times, values, emit);
            default -> {
                if (!Transforms.TECHNICAL_ANALYSIS.contains(tr.name())) {
                    throw new IllegalStateException("unknown transformation " + tr.name());
                }
                technicalAnalysis(tr, times, values, emit);
            }
        }
    }

    private static void numeric(Transforms.Transform tr, Object v) {
        boolean holtWinters = tr.name().startsWith("holt_winters");
        if (!(v instanceof Double || v instanceof Long || v instanceof Unsigned && !holtWinters)) {
            String type = v instanceof String ? "string" : v instanceof Boolean ? "boolean"
                    : v instanceof Unsigned ? "unsigned" : "unknown";
            // 1.x names most of them with spaces ("unsupported moving average iterator type"), and holt_winters
            // (which takes floats and integers only) as elapsed
            String name = switch (tr.name()) {
                case "non_negative_derivative" -> "derivative";
                case "non_negative_difference" -> "difference";
                case "holt_winters", "holt_winters_with_fit" -> "elapsed";
                default -> tr.name().replace('_', ' ');
            };
            throw new QueryException("unsupported " + name + " iterator type: *query." + type + "InterruptIterator");
        }
    }

    private static double toDouble(Object v) {
        return v instanceof Unsigned u ? u.toDouble() : ((Number) v).doubleValue();
    }

    /** One pair of consecutive points. */
    private interface Pair {
        void accept(long prevTime, Object prev, long time, Object value);
    }

    /** Consecutive points as 1.x's derivative/difference reducers see them: a point at the current time is skipped. */
    private static void pairs(Transforms.Transform tr, long[] times, List<Object> values, Pair pair) {
        long prevTime = 0;
        Object prev = null;
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            numeric(tr, v);
            long time = times[i];
            if (prev != null && time == prevTime) {
                continue;
            }
            if (prev != null) {
                pair.accept(prevTime, prev, time, v);
            }
            prev = v;
            prevTime = time;
        }
    }

    /** 1.x's DerivativeReducer: the change per interval (integers subtract in int64 first). */
    private static void derivative(Transforms.Transform tr, boolean ascending, long[] times,
            List<Object> values, Emit emit) {
        boolean nonNegative = tr.name().startsWith("non_negative");
        pairs(tr, times, values, (prevTime, prev, time, v) -> {
            double diff = v instanceof Long a && prev instanceof Long b ? (double) (a - b)
                    : v instanceof Unsigned a && prev instanceof Unsigned b ? new Unsigned(a.bits() - b.bits()).toDouble()
                    : toDouble(v) - toDouble(prev);
            long elapsed = ascending ? time - prevTime : prevTime - time;
            double value = diff / ((double) elapsed / (double) tr.interval());
            if (!(nonNegative && diff < 0)) {
                emit.point(time, value);
            }
        });
    }

    /** 1.x's DifferenceReducer: the input type is kept (integers wrap like int64). */
    private static void difference(Transforms.Transform tr, long[] times, List<Object> values, Emit emit) {
        boolean nonNegative = tr.name().startsWith("non_negative");
        pairs(tr, times, values, (prevTime, prev, time, v) -> {
            Object diff;
            boolean negative;
            if (v instanceof Long a && prev instanceof Long b) {
                diff = a - b;
                negative = a - b < 0;
            } else if (v instanceof Unsigned a && prev instanceof Unsigned b) {
                diff = new Unsigned(a.bits() - b.bits());
                negative = false;
            } else {
                double d = toDouble(v) - toDouble(prev);
                diff = d;
                negative = d < 0;
            }
            if (!(nonNegative && negative)) {
                emit.point(time, diff);
            }
        });
    }

    /** 1.x's MovingAverageReducer: a ring of the last n values and their running sum (int64 for integers). */
    private static void movingAverage(Transforms.Transform tr, long[] times, List<Object> values, Emit emit) {
        int n = tr.n();
        Object[] ring = new Object[n];
        int size = 0;
        int pos = 0;
        double fsum = 0;
        long isum = 0;
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            numeric(tr, v);
            if (size == n) {
                if (ring[pos] instanceof Long l) {
                    isum -= l;
                } else {
                    fsum -= toDouble(ring[pos]);
                }
            } else {
                size++;
            }
            ring[pos] = v;
            if (v instanceof Long l) {
                isum += l;
            } else {
                fsum += toDouble(v);
            }
            pos = (pos + 1) % n;
            if (size == n) {
                double avg = v instanceof Long ? (double) isum / (double) n : fsum / (double) n;
                emit.point(times[i], avg);
            }
        }
    }

    /** 1.x's CumulativeSumReducer: the running sum in the input type. */
    private static void cumulativeSum(Transforms.Transform tr, long[] times, List<Object> values, Emit emit) {
        Object sum = null;
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            numeric(tr, v);
            if (v instanceof Long l) {
                sum = (sum == null ? 0L : (Long) sum) + l;
            } else if (v instanceof Unsigned u) {
                sum = new Unsigned((sum == null ? 0L : ((Unsigned) sum).bits()) + u.bits());
            } else {
                sum = (sum == null ? 0.0 : (Double) sum) + (Double) v;
            }
            emit.point(times[i], sum);
        }
    }

    /** 1.x's ElapsedReducer: time between consecutive points in units of the interval (any value type). */
    private static void elapsed(Transforms.Transform tr, long[] times, int count, Emit emit) {
        for (int i = 1; i < count; i++) {
            emit.point(times[i], (times[i] - times[i - 1]) / tr.interval());
        }
    }
    /**
     * 1.x's technical-analysis reducers: every value goes into the indicator, which emits at the value's time
     * once more values than the hold period were seen (infinite values dropped where 1.x drops them).
     */
    private static void technicalAnalysis(Transforms.Transform tr, long[] times, List<Object> values, Emit emit) {
        if (values.isEmpty()) {
            return;
        }
        if (tr.n() == 1 && tr.name().equals("chande_momentum_oscillator")
                && (tr.warmup() == null || tr.warmup().equals("none"))) {
            // 1.x's CMO keeps period - 1 changes and panics with index out of range on an empty ring
            throw new QueryException("chande_momentum_oscillator period 1 requires the warmup type 'exponential'"
                    + " or 'simple'");
        }
        Indicator indicator = Indicators.of(tr);
        int hold = (int) (tr.hold() == -1 ? indicator.warmCount() : tr.hold()); // 1.x: uint32(holdPeriod)
        boolean dropInfinity = Indicators.dropsInfinity(tr.name());
        int count = 0;
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            numeric(tr, v);
            double out = indicator.add(toDouble(v));
            count++;
            if (Integer.compareUnsigned(count, hold) > 0 && !(dropInfinity && Double.isInfinite(out))) {
                emit.point(times[i], out);
            }
        }
    }

    /** 1.x's holt_winters reducer over all points of the series (its interval is the GROUP BY interval). */
    private static void holtWinters(Transforms.Transform tr, long[] times, List<Object> values, Emit emit) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            numeric(tr, values.get(i));
            v[i] = toDouble(values.get(i));
        }
        HoltWinters hw = new HoltWinters(tr.n(), (int) tr.hold(), tr.name().equals("holt_winters_with_fit"),
                tr.interval());
        for (HoltWinters.Point p : hw.emit(java.util.Arrays.copyOf(times, v.length), v)) {
            emit.point(p.time(), p.value());
        }
    }
}
