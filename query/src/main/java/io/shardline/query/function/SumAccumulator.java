package io.shardline.query.function;

import io.shardline.query.value.Unsigned;
import io.shardline.query.value.Values;
import java.util.List;

/** {@code sum}: keeps the input type (float, integer with int64 wrap-around, unsigned); mixed types → float. */
final class SumAccumulator implements Accumulator {

    private Object sum;

    @Override
    public void add(long time, Object value, Object[] aux) {
        AggregateFunction.SUM.check(value);
        sum = plus(sum, value);
    }

    @Override
    public void addFloats(long[] times, double[] values, int from, int to) {
        if (from >= to || (sum != null && !(sum instanceof Double))) {
            Accumulator.super.addFloats(times, values, from, to);
            return;
        }
        // Left to right, as adding one by one would, so the rounding is the same.
        double s = sum == null ? values[from++] : (Double) sum;
        for (int i = from; i < to; i++) {
            s += values[i];
        }
        sum = s;
    }

    @Override
    public void addIntegers(long[] times, long[] values, int from, int to) {
        if (from >= to || (sum != null && !(sum instanceof Long))) {
            Accumulator.super.addIntegers(times, values, from, to);
            return;
        }
        long s = sum == null ? 0 : (Long) sum;
        for (int i = from; i < to; i++) {
            s += values[i];
        }
        sum = s;
    }

    static Object plus(Object a, Object b) {
        if (a == null) {
            return b;
        } else if (b == null) {
            return a;
        } else if (a instanceof Long x && b instanceof Long y) {
            return x + y;
        } else if (a instanceof Unsigned x && b instanceof Unsigned y) {
            return new Unsigned(x.bits() + y.bits());
        }
        return Values.toDouble(a) + Values.toDouble(b);
    }

    @Override
    public void merge(PartialState state) {
        sum = plus(sum, ((SumState) state).sum());
    }

    @Override
    public PartialState partial() {
        return new SumState(sum);
    }

    @Override
    public List<AggregatePoint> emit() {
        return sum == null ? List.of() : List.of(AggregatePoint.of(sum));
    }
}
