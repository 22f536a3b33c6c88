package io.shardline.query.exec;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Field;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.VarRef;
import io.shardline.query.eval.ExprEvaluator;
import io.shardline.query.plan.AggregateCall;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.spi.ShardReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a compiled SELECT against one shard through a {@link ShardReader}: selects series by the tag predicate,
 * scans the needed fields in the time range, applies the row filter, and returns raw rows or partial aggregates
 * for the coordinator ({@link SelectAssembler}). Pure apart from the reader; single-threaded.
 */
public final class ShardSelectExecutor {

    /** What one shard returns: raw rows (raw queries) or partial aggregates (aggregate queries). */
    public record ShardResult(List<RawRow> rows, List<PartialGroup> partials) {
    }

    private ShardSelectExecutor() {
    }

    /** Executes {@code plan} on one shard. */
    public static ShardResult execute(SelectPlan plan, ShardReader reader) {
        List<RawRow> rows = new ArrayList<>();
        PartialAggregator agg = plan.isRaw() ? null : new PartialAggregator(plan);
        long min = plan.timeRange().minTime();
        long max = plan.timeRange().maxTime();
        for (String m : plan.measurements()) {
            Map<String, FieldType> types = reader.fieldTypes(m);
            List<String> fields = neededFields(plan, types);
            if (fields.isEmpty()) {
                continue;
            }
            RowValuer filter = new RowValuer(fields, true);
            RowValuer projection = new RowValuer(fields, false);
            int[] selected = projectedFields(plan, fields);
            for (SeriesKey s : reader.series(m, plan.tagPredicate())) {
                GroupKey group = GroupKey.of(s, plan.groupByTags());
                String key = s.toString();
                reader.scan(s, fields, min, max, (time, values) -> {
                    if (!ExprEvaluator.matches(plan.rowFilter(), filter.reset(s, values))) {
                        return;
                    }
                    projection.reset(s, values);
                    if (agg != null) {
                        agg.add(group, time, projection);
                    } else if (anyValue(selected, values)) {
                        rows.add(new RawRow(group, time, key, project(plan, projection)));
                    }
                });
            }
        }
        return new ShardResult(rows, agg == null ? List.of() : agg.drain());
    }

    /** The fields of a measurement that the plan reads (projections, calls, aux values and the row filter). */
    public static List<String> neededFields(SelectPlan plan, Map<String, FieldType> types) {
        Set<String> names = new LinkedHashSet<>();
        for (Field f : plan.fields()) {
            refs(f.expr(), names);
        }
        for (AggregateCall c : plan.calls()) {
            names.add(c.field().name());
        }
        for (VarRef r : plan.auxRefs()) {
            names.add(r.name());
        }
        refs(plan.rowFilter(), names);
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (types.containsKey(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static void refs(Expr e, Set<String> out) {
        if (e instanceof VarRef v) {
            out.add(v.name());
        } else if (e instanceof BinaryExpr b) {
            refs(b.lhs(), out);
            refs(b.rhs(), out);
        } else if (e instanceof ParenExpr p) {
            refs(p.expr(), out);
        } else if (e instanceof Call c) {
            for (Expr a : c.args()) {
                refs(a, out);
            }
        }
    }

    /** Indexes (into {@code fields}) of the fields the projections select; a raw row needs one of them. */
    private static int[] projectedFields(SelectPlan plan, List<String> fields) {
        Set<String> names = new LinkedHashSet<>();
        for (Field f : plan.fields()) {
            refs(f.expr(), names);
        }
        return names.stream().mapToInt(fields::indexOf).filter(i -> i >= 0).toArray();
    }

    private static boolean anyValue(int[] idx, Object[] values) {
        for (int i : idx) {
            if (values[i] != null) {
                return true;
            }
        }
        return false;
    }

    private static Object[] project(SelectPlan plan, RowValuer row) {
        Object[] out = new Object[plan.fields().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ExprEvaluator.eval(plan.fields().get(i).expr(), row);
        }
        return out;
    }
}
