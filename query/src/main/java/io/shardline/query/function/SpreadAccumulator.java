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
