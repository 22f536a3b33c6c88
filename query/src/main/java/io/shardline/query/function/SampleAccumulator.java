package io.shardline.query.function;

import io.shardline.model.FieldType;
import io.shardline.query.value.Unsigned;
import io.shardline.query.value.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code median}, {@code percentile(f, N)} and {@code stddev}: keeps every value. Median is a float (mean of the two middle
 * values for an even count); percentile is nearest-rank, {@code i = floor(len*N/100 + 0.5) - 1}, no value when
 * out of range, and selects that point (its type, time and aux values) in the order (value, time, arrival).
 * While every value has one numeric type and no point has aux values the points are primitive columns
 * ({@link SampleColumns}, ranks by {@link NumericRanks} in linear time); otherwise objects. Not thread-safe.
 */
final class SampleAccumulator implements Accumulator {

    /** The {@code arg} that means median. */
    static final double MEDIAN = Double.NaN;
    /** The {@code arg} that means stddev (1.x computes it in two passes over all values, in time order). */
    static final double STDDEV = Double.NEGATIVE_INFINITY;

    private static final Comparator<AggregatePoint> BY_VALUE_THEN_TIME = (a, b) -> {
        int c = Values.compare(a.value(), b.value());
        return c != 0 ? c : Long.compare(a.time(), b.time());
    };

    private final double percentile;
    /** Columns mode (points == null): the type of every value so far, null before the first. */
    private FieldType type;
    private long[] times = new long[0];
    private long[] values = new long[0];
    private int size;
    /** Whether the arrays are shared with a {@link SampleColumns} (copied before the next append). */
    private boolean shared;
    /** Objects mode, once a value of another type or with aux values arrived. */
    private List<AggregatePoint> points;

    SampleAccumulator(double percentile) {
        this.percentile = percentile;
    }

    private boolean isMedian() {
        return Double.isNaN(percentile);
    }

    private boolean isStddev() {
        return percentile == STDDEV;
    }

    private AggregateFunction function() {
        return isStddev() ? AggregateFunction.STDDEV : isMedian() ? AggregateFunction.MEDIAN
                : AggregateFunction.PERCENTILE;
    }

    @Override
    public void add(long time, Object value, Object[] aux) {
        function().check(value);
        Object[] kept = isMedian() || isStddev() ? null : aux;
        if (points == null && kept == null) {
            FieldType t = Values.typeOf(value);
            if (columnsTake(t)) {
                append(time, value instanceof Double d ? Double.doubleToLongBits(d)
                        : value instanceof Long l ? l : ((Unsigned) value).bits());
                return;
            }
        }
        toPoints().add(new AggregatePoint(time, value, kept));
    }

    @Override
    public void addFloats(long[] t, double[] v, int from, int to) {
        if (points != null || !columnsTake(FieldType.FLOAT)) {
            Accumulator.super.addFloats(t, v, from, to);
            return;
        }
        reserve(to - from);
        for (int i = from; i < to; i++) {
            times[size] = t[i];
            values[size++] = Double.doubleToLongBits(v[i]);
        }
    }

    @Override
    public void addIntegers(long[] t, long[] v, int from, int to) {
        if (points != null || !columnsTake(FieldType.INTEGER)) {
            Accumulator.super.addIntegers(t, v, from, to);
            return;
        }
        reserve(to - from);
        System.arraycopy(t, from, times, size, to - from);
        System.arraycopy(v, from, values, size, to - from);
        size += to - from;
    }

    /** Whether columns mode goes on with a value of {@code t} (fixing the type at the first value). */
    private boolean columnsTake(FieldType t) {
        if (type == null && (t == FieldType.FLOAT || t == FieldType.INTEGER || t == FieldType.UNSIGNED)) {
            type = t;
        }
        return type == t;
    }

    private void append(long time, long bits) {
        reserve(1);
        times[size] = time;
        values[size++] = bits;
    }

    /** Room for {@code n} more points in unshared arrays. */
    private void reserve(int n) {
        if (shared || size + n > times.length) {
            int capacity = Math.max(size + n, shared ? size + n : Math.max(16, times.length + (times.length >> 1)));
            times = Arrays.copyOf(times, capacity);
            values = Arrays.copyOf(values, capacity);
            shared = false;
        }
    }

    /** Switches to objects mode (keeping arrival order) and returns the points. */
    private List<AggregatePoint> toPoints() {
        if (points == null) {
            points = size == 0 ? new ArrayList<>() : columns().points();
            times = values = null;
            size = 0;
        }
        return points;
    }

    private SampleColumns columns() {
        shared = true;
        return new SampleColumns(type, times, values, size);
    }

    @Override
    public void merge(PartialState state) {
        if (state instanceof SampleColumns c && points == null && columnsTake(c.type())) {
            if (size == 0) { // adopt: both sides leave the arrays as they are
                times = c.times();
                values = c.values();
                size = c.size();
                shared = true;
                return;
            }
            reserve(c.size());
            System.arraycopy(c.times(), 0, times, size, c.size());
            System.arraycopy(c.values(), 0, values, size, c.size());
            size += c.size();
            return;
        }
        toPoints().addAll(state instanceof SampleColumns c ? c.points() : ((SampleState) state).points());
    }

    @Override
    public PartialState partial() {
        if (points == null && type != null) {
            return columns();
        }
        return new SampleState(points == null ? List.of() : points);
    }

    @Override
    public List<AggregatePoint> emit() {
        if (points == null && size > 0 && !isStddev()) {
            return emitColumns(columns());
        }
        List<AggregatePoint> all = points != null ? points : size > 0 ? columns().points() : List.of();
        if (all.isEmpty()) {
            return List.of();
        }
        if (isStddev()) {
            return List.of(AggregatePoint.of(stddev(all)));
        }
        List<AggregatePoint> sorted = new ArrayList<>(all);
        sorted.sort(BY_VALUE_THEN_TIME);
        int n = sorted.size();
        if (isMedian()) {
            Object hi = sorted.get(n / 2).value();
            return List.of(AggregatePoint.of(n % 2 == 1 ? Values.toDouble(hi)
                    : median(sorted.get(n / 2 - 1).value(), hi)));
        }
        int i = rank(n);
        return i < 0 ? List.of() : List.of(sorted.get(i));
    }

    /** The nearest rank of the percentile among {@code n} values; -1 when out of range. */
    private int rank(int n) {
        int i = (int) Math.floor(n * percentile / 100.0 + 0.5) - 1;
        return i < 0 || i >= n ? -1 : i;
    }

    private List<AggregatePoint> emitColumns(SampleColumns c) {
        int n = c.size();
        if (isMedian()) {
            long[] keys = NumericRanks.keys(c);
            long hi = NumericRanks.select(keys, 0, n, n / 2);
            if (n % 2 == 1) {
                return List.of(AggregatePoint.of(Values.toDouble(value(c.type(), hi))));
            }
            long lo = keys[0]; // the largest key before position n/2
            for (int i = 1; i < n / 2; i++) {
                lo = Math.max(lo, keys[i]);
            }
            return List.of(AggregatePoint.of(median(value(c.type(), lo), value(c.type(), hi))));
        }
        int i = rank(n);
        if (i < 0) {
            return List.of();
        }
        int at = NumericRanks.indexAt(c, i);
        return List.of(new AggregatePoint(c.times()[at], c.value(at), null));
    }

    private static Object value(FieldType type, long key) {
        return SampleColumns.box(type, NumericRanks.bits(type, key));
    }

    /**
     * 1.x's {@code FloatStddevReduceSlice} over the values in time order (ties in arrival order): a running mean
     * {@code mean += (v - mean) / count}, then the sum of squared deviations; null for fewer than two values.
     */
    private static Double stddev(List<AggregatePoint> points) {
        if (points.size() < 2) {
            return null;
        }
        List<AggregatePoint> byTime = new ArrayList<>(points);
        byTime.sort(Comparator.comparingLong(AggregatePoint::time));
        double mean = 0;
        int count = 0;
        for (AggregatePoint p : byTime) {
            double v = Values.toDouble(p.value());
            if (Double.isNaN(v)) {
                continue;
            }
            count++;
            mean += (v - mean) / count;
        }
        double variance = 0;
        for (AggregatePoint p : byTime) {
            double v = Values.toDouble(p.value());
            if (!Double.isNaN(v)) {
                variance += (v - mean) * (v - mean);
            }
        }
        return Math.sqrt(variance / (count - 1));
    }

    /** The middle of the two middle values of an even count, computed as 1.x does for their type. */
    private static double median(Object lo, Object hi) {
        if (lo instanceof Long l && hi instanceof Long h) {
            return (double) l + (double) (h - l) / 2;
        } else if (lo instanceof Unsigned l && hi instanceof Unsigned h) {
            return l.toDouble() + new Unsigned(h.bits() - l.bits()).toDouble() / 2;
        }
        double l = Values.toDouble(lo);
        return l + (Values.toDouble(hi) - l) / 2;
    }
}
