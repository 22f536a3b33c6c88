package io.shardline.query.function;

import io.shardline.query.value.Unsigned;
import io.shardline.query.value.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code median}, {@code percentile(f, N)} and {@code stddev}: keeps every value. Median is a float (mean of the two middle
 * values for an even count); percentile is nearest-rank, {@code i = floor(len*N/100 + 0.5) - 1}, no value when
 * out of range, and selects that point (its type, time and aux values).
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
    private final List<AggregatePoint> points = new ArrayList<>();

    SampleAccumulator(double percentile) {
        this.percentile = percentile;
    }

    private boolean isMedian() {
        return Double.isNaN(percentile);
    }

    private boolean isStddev() {
        return percentile == STDDEV;
    }

    @Override
    public void add(long time, Object value, Object[] aux) {
        (isStddev() ? AggregateFunction.STDDEV : isMedian() ? AggregateFunction.MEDIAN : AggregateFunction.PERCENTILE)
                .check(value);
        points.add(new AggregatePoint(time, value, isMedian() || isStddev() ? null : aux));
    }

    @Override
    public void merge(PartialState state) {
        points.addAll(((SampleState) state).points());
    }

    @Override
    public PartialState partial() {
        return new SampleState(points);
    }

    @Override
    public List<AggregatePoint> emit() {
        if (points.isEmpty()) {
            return List.of();
        }
        if (isStddev()) {
            return List.of(AggregatePoint.of(stddev(points)));
        }
        List<AggregatePoint> sorted = new ArrayList<>(points);
        sorted.sort(BY_VALUE_THEN_TIME);
        int n = sorted.size();
        if (isMedian()) {
            return List.of(AggregatePoint.of(median(sorted)));
        }
        int i = (int) Math.floor(n * percentile / 100.0 + 0.5) - 1;
        if (i < 0 || i >= n) {
            return List.of();
        }
        return List.of(sorted.get(i));
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

    private static double median(List<AggregatePoint> sorted) {
        int n = sorted.size();
        if (n % 2 == 1) {
            return Values.toDouble(sorted.get(n / 2).value());
        }
        Object lo = sorted.get(n / 2 - 1).value();
        Object hi = sorted.get(n / 2).value();
        if (lo instanceof Long l && hi instanceof Long h) {
            return (double) l + (double) (h - l) / 2;
        } else if (lo instanceof Unsigned l && hi instanceof Unsigned h) {
            return l.toDouble() + new Unsigned(h.bits() - l.bits()).toDouble() / 2;
        }
        double l = Values.toDouble(lo);
        return l + (Values.toDouble(hi) - l) / 2;
    }
}
