package io.shardline.query.exec;

import io.shardline.query.eval.Valuer;
import io.shardline.query.function.Accumulator;
import io.shardline.query.function.PartialState;
import io.shardline.query.plan.AggregateCall;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.ast.VarRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds rows into one accumulator per (output series, bucket, call) and hands out the partial states: the
 * owner-side half of an aggregate query. Not thread-safe.
 */
public final class PartialAggregator {

    private record Key(GroupKey group, long bucket) {
    }

    private final SelectPlan plan;
    private final Map<Key, Accumulator[]> cells = new HashMap<>();

    public PartialAggregator(SelectPlan plan) {
        this.plan = plan;
    }

    /** The bucket a point at {@code time} falls in. */
    public long bucketOf(long time) {
        return plan.interval() != null ? plan.interval().bucketStart(time) : plan.startTime();
    }

    /** Adds one row of series group {@code group} at {@code time}; {@code row} resolves fields and tags. */
    public void add(GroupKey group, long time, Valuer row) {
        List<AggregateCall> calls = plan.calls();
        Object[] aux = null;
        if (!plan.auxRefs().isEmpty()) {
            aux = new Object[plan.auxRefs().size()];
            for (int i = 0; i < aux.length; i++) {
                aux[i] = row.value(plan.auxRefs().get(i));
            }
        }
        Accumulator[] accs = null;
        for (int i = 0; i < calls.size(); i++) {
            VarRef field = calls.get(i).field();
            Object v = row.value(field);
            if (v == null) {
                continue;
            }
            if (accs == null) {
                accs = cells.computeIfAbsent(new Key(group, bucketOf(time)), k -> newCell());
            }
            accs[i].add(time, v, aux);
        }
    }

    /** The accumulators (one per call) of {@code group} and {@code bucket}, created when missing. */
    public Accumulator[] cell(GroupKey group, long bucket) {
        return cells.computeIfAbsent(new Key(group, bucket), k -> newCell());
    }

    private Accumulator[] newCell() {
        QueryMemory.reserve(QueryMemory.CELL + QueryMemory.VALUE * plan.calls().size());
        Accumulator[] accs = new Accumulator[plan.calls().size()];
        for (int i = 0; i < accs.length; i++) {
            accs[i] = plan.calls().get(i).newAccumulator();
        }
        return accs;
    }

    /** The partial states gathered so far, one entry per non-empty (group, bucket). */
    public List<PartialGroup> drain() {
        List<PartialGroup> out = new ArrayList<>(cells.size());
        cells.forEach((k, accs) -> {
            List<PartialState> states = new ArrayList<>(accs.length);
            for (Accumulator a : accs) {
                states.add(a.partial());
            }
            out.add(new PartialGroup(k.group(), k.bucket(), states));
        });
        cells.clear();
        return out;
    }
}
