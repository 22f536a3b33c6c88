package io.shardline.query.function;

import io.shardline.query.value.Values;
import java.util.List;

/**
 * {@code stddev}: the sample standard deviation (n - 1), null for a single value. Running mean and M2 (Welford)
 * per shard, combined with Chan's parallel formula; 1.x computes two-pass over all values, so the last digits
 * may differ.
 */
final class StddevAccumulator implements Accumulator {

    private long count;
    private double mean;
    private double m2;

    @Override
    public void add(long time, Object value, Object[] aux) {
        AggregateFunction.STDDEV.check(value);
        push(Values.toDouble(value));
    }

    private void push(double x) {
        count++;
        double delta = x - mean;
        mean += delta / count;
        m2 += delta * (x - mean);
    }

    @Override
    public void addFloats(long[] times, double[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            push(values[i]);
        }
    }

    @Override
    public void addIntegers(long[] times, long[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            push(values[i]);
        }
    }

    @Override
    public void merge(PartialState state) {
        StddevState s = (StddevState) state;
        if (s.count() == 0) {
            return;
        }
        if (count == 0) {
            count = s.count();
            mean = s.mean();
            m2 = s.m2();
            return;
        }
        long n = count + s.count();
        double delta = s.mean() - mean;
        mean += delta * s.count() / n;
        m2 += s.m2() + delta * delta * ((double) count * s.count() / n);
        count = n;
    }

    @Override
    public PartialState partial() {
        return new StddevState(count, mean, m2);
    }

    @Override
    public List<AggregatePoint> emit() {
        if (count == 0) {
            return List.of();
        } else if (count < 2) {
            return List.of(AggregatePoint.of(null));
        }
        return List.of(AggregatePoint.of(Math.sqrt(m2 / (count - 1))));
    }
}
