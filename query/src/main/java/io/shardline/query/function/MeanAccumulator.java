package io.shardline.query.function;

import io.shardline.query.value.Values;
import java.util.List;

/** {@code mean}: float result; integers summed in int64 as 1.x does, floats in float64. */
final class MeanAccumulator implements Accumulator {

    private boolean integer = true;
    private double floatSum;
    private long integerSum;
    private long count;

    @Override
    public void add(long time, Object value, Object[] aux) {
        AggregateFunction.MEAN.check(value);
        if (value instanceof Long l && integer) {
            integerSum += l;
        } else {
            toFloat();
            floatSum += Values.toDouble(value);
        }
        count++;
    }

    @Override
    public void addFloats(long[] times, double[] values, int from, int to) {
        toFloat();
        double s = floatSum;
        for (int i = from; i < to; i++) {
            s += values[i];
        }
        floatSum = s;
        count += to - from;
    }

    @Override
    public void addIntegers(long[] times, long[] values, int from, int to) {
        if (integer) {
            long s = integerSum;
            for (int i = from; i < to; i++) {
                s += values[i];
            }
            integerSum = s;
        } else {
            double s = floatSum;
            for (int i = from; i < to; i++) {
                s += values[i];
            }
            floatSum = s;
        }
        count += to - from;
    }

    private void toFloat() {
        if (integer) {
            floatSum += integerSum;
            integerSum = 0;
            integer = false;
        }
    }

    /**
     * Folds in another accumulator's result as 1.x's {@code FloatMeanReducer} folds an aggregated point: its mean
     * (an integer sum divided as a float, like {@code IntegerMeanReducer.Emit}) times its count, so merged means
     * round exactly like 1.x's (which merges per-series, per-shard and per-source means weighted by count).
     */
    @Override
    public void merge(PartialState state) {
        MeanState s = (MeanState) state;
        if (s.count() == 0) {
            return;
        }
        double mean = (s.integer() ? (double) s.integerSum() : s.floatSum()) / (double) s.count();
        toFloat();
        floatSum += s.count() >= 2 ? mean * (double) s.count() : mean;
        count += s.count();
    }

    @Override
    public PartialState partial() {
        return new MeanState(integer, floatSum, integerSum, count);
    }

    @Override
    public List<AggregatePoint> emit() {
        if (count == 0) {
            return List.of();
        }
        double sum = integer ? (double) integerSum : floatSum;
        return List.of(AggregatePoint.of(sum / count));
    }
}
