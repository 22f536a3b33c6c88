package io.shardline.query.function;

import io.shardline.query.value.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * A port of 1.x's {@code FloatIntegralReducer}/{@code IntegerIntegralReducer} (query/functions.go, 1.6) over one
 * output series' points: trapezoids between consecutive points in time order (the first of several points at
 * one time starts no area, the last one is the next start); when a point falls beyond the current window the
 * segment is cut at the window's end by linear interpolation and the window's sum is emitted at the window's
 * start (with ORDER BY time DESC: at its end, and areas are negative, as 1.x); a window whose last point is its
 * start emits nothing. Quirks kept: without GROUP BY time a float integral reports time 0 and an integer one the
 * query's lower bound; after a cut the integer reducer keeps the old value but uses the interpolated one for the
 * next trapezoid. Several points at one time (from several series) are taken by ascending value. Pure.
 */
public final class IntegralReducer {

    private IntegralReducer() {
    }

    /** One emitted value. */
    public record Out(long time, double value) {
    }

    /**
     * Integrates {@code points} (any order; Double, Long or Unsigned values).
     *
     * @param unit the integral's unit in ns (1 s by default)
     * @param windowStart the start of the GROUP BY time window of a time, or null without GROUP BY time
     * @param duration the GROUP BY time interval (ignored without one)
     * @param startTime the query's lower bound, or 0 when it has none
     */
    public static List<Out> integrate(List<AggregatePoint> points, long unit, LongUnaryOperator windowStart,
            long duration, long startTime, boolean ascending) {
        List<AggregatePoint> sorted = new ArrayList<>(points);
        Comparator<AggregatePoint> byTime = Comparator.comparingLong(AggregatePoint::time);
        sorted.sort(byTime.thenComparing((a, b) -> Values.compare(a.value(), b.value())));
        if (!ascending) {
            sorted.sort(byTime.reversed().thenComparing((a, b) -> Values.compare(a.value(), b.value())));
        }
        List<Out> out = new ArrayList<>();
        if (sorted.isEmpty()) {
            return out;
        }
        boolean integer = !(sorted.get(0).value() instanceof Double);
        boolean windowed = windowStart != null;
        long start = 0;
        long end = 0;
        long prevTime = sorted.get(0).time();
        double prevValue = Values.toDouble(sorted.get(0).value());
        if (windowed) {
            long s = windowStart.applyAsLong(prevTime);
            start = ascending ? s : s + duration;
            end = ascending ? s + duration : s;
        } else if (integer) {
            start = startTime; // 1.x: Window() without an interval is (StartTime, EndTime + 1); MinTime reports 0
            end = Long.MAX_VALUE;
        }
        double sum = 0;
        for (AggregatePoint p : sorted.subList(1, sorted.size())) {
            double value = Values.toDouble(p.value());
            if (p.time() == prevTime) {
                prevValue = value;
                continue;
            }
            boolean crossed = windowed && (ascending ? p.time() >= end : p.time() <= end);
            if (crossed) {
                if (prevTime != end) {
                    double cut = linear(end, prevTime, p.time(), prevValue, value);
                    sum += 0.5 * (cut + prevValue) * ((double) (end - prevTime) / (double) unit);
                    if (integer) {
                        value = cut; // 1.x's IntegerIntegralReducer: the next trapezoid uses the cut value
                    } else {
                        prevValue = cut;
                    }
                    prevTime = end;
                }
                out.add(new Out(start, sum));
                long s = windowStart.applyAsLong(p.time());
                start = ascending ? s : s + duration;
                end = ascending ? s + duration : s;
                sum = 0;
            }
            sum += 0.5 * (value + prevValue) * ((double) (p.time() - prevTime) / (double) unit);
            prevTime = p.time();
            prevValue = Values.toDouble(p.value());
        }
        if (prevTime != start) {
            out.add(new Out(start, sum));
        }
        return out;
    }

    /** 1.x's {@code linearFloat}. */
    private static double linear(long windowTime, long previousTime, long nextTime, double previousValue,
            double nextValue) {
        double m = (nextValue - previousValue) / (double) (nextTime - previousTime);
        double x = (double) (windowTime - previousTime);
        return m * x + previousValue;
    }
}
