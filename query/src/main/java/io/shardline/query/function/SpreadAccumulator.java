package io.shardline.query.function;

import io.shardline.query.value.Unsigned;
import io.shardline.query.value.Values;
import java.util.List;

/** {@code spread}: max minus min, in the input type. */
final class SpreadAccumulator implements Accumulator {

    private Object min;
    private Object max;

    @Override
    public void add(long time, Object value, Object[] aux) {
        AggregateFunction.SPREAD.check(value);
        fold(value, value);
    }

    @Override
    public void addFloats(long[] times, double[] values, int from, int to) {
        if (from >= to) {
            return;
        }
        double lo = values[from];
        double hi = lo;
        for (int i = from + 1; i < to; i++) {
            double v = values[i];
            if (Double.compare(v, lo) < 0) {
                lo = v;
            }
            if (Double.compare(v, hi) > 0) {
                hi = v;
            }
        }
        fold(lo, hi);
    }

    @Override
    public void addIntegers(long[] times, long[] values, int from, int to) {
        if (from >= to) {
            return;
        }
        long lo = values[from];
        long hi = lo;
        for (int i = from + 1; i < to; i++) {
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
        }
        fold(lo, hi);
    }

    private void fold(Object lo, Object hi) {
        if (lo == null) {
            return;
        }
        if (min == null || Values.compare(lo, min) < 0) {
            min = lo;
        }
        if (max == null || Values.compare(hi, max) > 0) {
            max = hi;
        }
    }

    @Override
    public void merge(PartialState state) {
        SpreadState s = (SpreadState) state;
        fold(s.min(), s.max());
    }

    @Override
    public PartialState partial() {
        return new SpreadState(min, max);
    }

    @Override
    public List<AggregatePoint> emit() {
        if (min == null) {
            return List.of();
        }
        Object spread;
        if (max instanceof Long a && min instanceof Long b) {
            spread = a - b;
        } else if (max instanceof Unsigned a && min instanceof Unsigned b) {
            spread = new Unsigned(a.bits() - b.bits());
        } else {
            spread = Values.toDouble(max) - Values.toDouble(min);
        }
        return List.of(AggregatePoint.of(spread));
    }
}
