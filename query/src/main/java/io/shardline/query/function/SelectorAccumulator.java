package io.shardline.query.function;

import io.shardline.query.value.Values;
import java.util.List;

/**
 * {@code min}, {@code max}, {@code first}, {@code last} with 1.x's tie rules: min/max ties go to the earliest
 * time; first/last ties on time go to the larger value. Keeps the selected point's time and aux values.
 */
final class SelectorAccumulator implements Accumulator {

    private final AggregateFunction function;
    private long time;
    private Object value;
    private Object[] aux;

    SelectorAccumulator(AggregateFunction function) {
        this.function = function;
    }

    @Override
    public void add(long t, Object v, Object[] a) {
        function.check(v);
        offer(t, v, a);
    }

    @Override
    public void addFloats(long[] times, double[] values, int from, int to) {
        if (from >= to) {
            return;
        }
        int best = from;
        switch (function) {
            case MIN -> {
                for (int i = from + 1; i < to; i++) {
                    if (Double.compare(values[i], values[best]) < 0) {
                        best = i;
                    }
                }
            }
            case MAX -> {
                for (int i = from + 1; i < to; i++) {
                    if (Double.compare(values[i], values[best]) > 0) {
                        best = i;
                    }
                }
            }
            case LAST -> best = to - 1;
            default -> { }
        }
        // Times ascend strictly within a block, so the strict comparisons above keep the earliest of equal values
        // (min/max) and first/last are the ends; offer() applies the tie rules against earlier blocks.
        offer(times[best], values[best], null);
    }

    @Override
    public void addIntegers(long[] times, long[] values, int from, int to) {
        if (from >= to) {
            return;
        }
        int best = from;
        switch (function) {
            case MIN -> {
                for (int i = from + 1; i < to; i++) {
                    if (values[i] < values[best]) {
                        best = i;
                    }
                }
            }
            case MAX -> {
                for (int i = from + 1; i < to; i++) {
                    if (values[i] > values[best]) {
                        best = i;
                    }
                }
            }
            case LAST -> best = to - 1;
            default -> { }
        }
        offer(times[best], values[best], null);
    }

    private void offer(long t, Object v, Object[] a) {
        if (v == null) {
            return;
        }
        if (value == null || better(t, v)) {
            time = t;
            value = v;
            aux = a;
        }
    }

    private boolean better(long t, Object v) {
        return switch (function) {
            case MIN -> {
                int c = Values.compare(v, value);
                yield c < 0 || (c == 0 && t < time);
            }
            case MAX -> {
                int c = Values.compare(v, value);
                yield c > 0 || (c == 0 && t < time);
            }
            case FIRST -> t < time || (t == time && Values.compare(v, value) > 0);
            case LAST -> t > time || (t == time && Values.compare(v, value) > 0);
            default -> throw new IllegalStateException("not a selector: " + function);
        };
    }

    @Override
    public void merge(PartialState state) {
        SelectorState s = (SelectorState) state;
        offer(s.time(), s.value(), s.aux());
    }

    @Override
    public PartialState partial() {
        return new SelectorState(time, value, aux);
    }

    @Override
    public List<AggregatePoint> emit() {
        return value == null ? List.of() : List.of(new AggregatePoint(time, value, aux));
    }
}
