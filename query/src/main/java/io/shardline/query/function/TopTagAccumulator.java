package io.shardline.query.function;

import io.shardline.query.QueryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code top(f, tag..., N)} and {@code bottom(f, tag..., N)} as 1.x computes them: the {@code max} (top) or
 * {@code min} (bottom) point of every combination of the tag values (1.x's selector tie rule: the earliest time),
 * then the N best of those with {@link TopAccumulator}'s order. Memory: one point per tag combination. The
 * partial state is the per-combination points, each carrying its aux values (which hold the tag values).
 * Not thread-safe.
 */
final class TopTagAccumulator implements Accumulator {

    private final AggregateFunction function;
    private final int n;
    private final int[] tagAux;
    private final Map<List<Object>, SelectorAccumulator> best = new HashMap<>();

    TopTagAccumulator(AggregateFunction function, int n, int[] tagAux) {
        this.function = function;
        this.n = n;
        this.tagAux = tagAux.clone();
    }

    @Override
    public void add(long time, Object value, Object[] aux) {
        AggregateFunction selector = function == AggregateFunction.TOP ? AggregateFunction.MAX : AggregateFunction.MIN;
        selector.check(value); // 1.x's max/min iterator sees the field first
        if (value instanceof Boolean) { // then top/bottom refuse what max/min selected
            throw new QueryException("unsupported " + function.callName()
                    + " iterator type: *query.booleanReduceBooleanIterator");
        }
        List<Object> key = new ArrayList<>(tagAux.length);
        for (int i : tagAux) {
            Object v = aux == null || i >= aux.length ? null : aux[i];
            key.add(v == null ? "" : v); // 1.x: a missing tag groups with the empty value
        }
        best.computeIfAbsent(key, k -> new SelectorAccumulator(selector)).add(time, value, aux);
    }

    @Override
    public void merge(PartialState state) {
        for (AggregatePoint p : ((SampleState) state).points()) {
            add(p.time(), p.value(), p.aux());
        }
    }

    @Override
    public PartialState partial() {
        List<AggregatePoint> points = new ArrayList<>(best.size());
        for (SelectorAccumulator s : best.values()) {
            points.addAll(s.emit());
        }
        return new SampleState(points);
    }

    @Override
    public List<AggregatePoint> emit() {
        TopAccumulator top = new TopAccumulator(function, n);
        for (AggregatePoint p : ((SampleState) partial()).points()) {
            top.add(p.time(), p.value(), p.aux());
        }
        return top.emit();
    }

    @Override
    public String toString() {
        return function.callName() + "(tags " + Arrays.toString(tagAux) + ", " + n + ")";
    }
}
