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
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a compiled SELECT against one shard through a {@link ShardReader}: selects series by the tag predicate,
 * scans the needed fields in the time range, applies the row filter, and hands raw rows (one output series at a
 * time, at most LIMIT + OFFSET per series) or partial aggregates to a {@link ShardResultSink} for the
 * coordinator. Aggregates without a row filter or auxiliary fields read primitive blocks
 * ({@link BlockAggregation}). Pure apart from the reader; single-threaded.
 */
public final class ShardSelectExecutor {

    /** What one shard returns: raw rows (raw queries) or partial aggregates (aggregate queries). */
    public record ShardResult(List<RawRow> rows, List<PartialGroup> partials) {
    }

    private ShardSelectExecutor() {
    }

    /** Executes {@code plan} on one shard and collects the result. */
    public static ShardResult execute(SelectPlan plan, ShardReader reader) {
        List<RawRow> rows = new ArrayList<>();
        List<PartialGroup> partials = new ArrayList<>();
        execute(plan, reader, new ShardResultSink() {
            @Override
            public void rows(List<RawRow> r) {
                rows.addAll(r);
            }

            @Override
            public void partials(List<PartialGroup> p) {
                partials.addAll(p);
            }
        });
        return new ShardResult(rows, partials);
    }

    /** Executes {@code plan} on one shard, streaming the result into {@code sink}. */
    public static void execute(SelectPlan plan, ShardReader reader, ShardResultSink sink) {
        execute(plan, reader, sink, true);
    }

    /** {@link #execute(SelectPlan, ShardReader, ShardResultSink)}, optionally without the block path (tests). */
    static void execute(SelectPlan plan, ShardReader reader, ShardResultSink sink, boolean blocks) {
        PartialAggregator agg = plan.isRaw() ? null : new PartialAggregator(plan);
        for (String m : plan.measurements()) {
            Map<String, FieldType> types = reader.fieldTypes(m);
            List<String> fields = neededFields(plan, types);
            if (fields.isEmpty()) {
                continue;
            }
            List<SeriesKey> series = reader.series(m, plan.tagPredicate());
            if (agg != null) {
                series.forEach(agg::register);
            }
            if (agg == null) {
                raw(plan, reader, fields, series, sink);
            } else if (blocks && BlockAggregation.applies(plan, types)
                    && (plan.ascending() || !PartialAggregator.orderSensitive(plan))) {
                BlockAggregation.run(plan, reader, series, agg);
            } else {
                aggregateRows(plan, reader, fields, series, agg);
            }
        }
        if (agg != null) {
            List<PartialGroup> partials = agg.drain();
            if (!partials.isEmpty()) {
                sink.partials(partials);
            }
        }
    }

    private static void aggregateRows(SelectPlan plan, ShardReader reader, List<String> fields,
            List<SeriesKey> series, PartialAggregator agg) {
        RowValuer filter = new RowValuer(fields, true);
        RowValuer projection = new RowValuer(fields, false);
        long min = plan.timeRange().minTime();
        long max = plan.timeRange().maxTime();
        for (SeriesKey s : series) {
            GroupKey group = GroupKey.of(s, plan.groupByTags());
            // in the query's time order: 1.x sums a series' values in that order (ORDER BY time DESC: backwards)
            reader.scan(s, fields, min, max, !plan.ascending(), (time, values) -> {
                if (ExprEvaluator.matches(plan.rowFilter(), filter.reset(s, values))) {
                    agg.add(group, s, time, projection.reset(s, values));
                }
                return true;
            });
        }
    }

    /**
     * One output series at a time: its series' rows in output order, cut at LIMIT + OFFSET (each series is read
     * only that far, in the query's time order), so the owner holds one output series and sends no row the
     * coordinator would drop.
     */
    private static void raw(SelectPlan plan, ShardReader reader, List<String> fields, List<SeriesKey> series,
            ShardResultSink sink) {
        TreeMap<GroupKey, List<SeriesKey>> groups = new TreeMap<>();
        for (SeriesKey s : series) {
            groups.computeIfAbsent(GroupKey.of(s, plan.groupByTags()), g -> new ArrayList<>()).add(s);
        }
        RowValuer filter = new RowValuer(fields, true);
        RowValuer projection = new RowValuer(fields, false);
        List<Projected> selected = projectedFields(plan, fields);
        long cap = plan.limit() > 0 ? (long) plan.limit() + Math.max(0, plan.offset()) : Long.MAX_VALUE;
        long min = plan.timeRange().minTime();
        long max = plan.timeRange().maxTime();
        for (Map.Entry<GroupKey, List<SeriesKey>> g : groups.entrySet()) {
            List<RawRow> rows = new ArrayList<>();
            for (SeriesKey s : g.getValue()) {
                String key = s.toString();
                long[] taken = {0};
                reader.scan(s, fields, min, max, !plan.ascending(), (time, values) -> {
                    if (!ExprEvaluator.matches(plan.rowFilter(), filter.reset(s, values))
                            || !anyValue(selected, values)) {
                        return true;
                    }
                    QueryMemory.reserve(QueryMemory.ROW + QueryMemory.VALUE * values.length);
                    rows.add(new RawRow(g.getKey(), time, key, project(plan, projection.reset(s, values))));
                    return ++taken[0] < cap;
                });
            }
            rows.sort(RawAssembler.ORDER);
            if (!plan.ascending()) {
                Collections.reverse(rows);
            }
            if (!rows.isEmpty()) {
                sink.rows(rows.size() > cap ? new ArrayList<>(rows.subList(0, (int) cap)) : rows);
            }
        }
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

    /** A field a projection selects: its index into the scanned fields and the reference (with its cast). */
    record Projected(int index, VarRef ref) {
    }

    /** The fields the projections select; a raw row needs a value of one of them. */
    static List<Projected> projectedFields(SelectPlan plan, List<String> fields) {
        List<VarRef> refs = new ArrayList<>();
        for (Field f : plan.fields()) {
            varRefs(f.expr(), refs);
        }
        List<Projected> out = new ArrayList<>();
        for (VarRef r : refs) {
            int i = fields.indexOf(r.name());
            if (i >= 0) {
                out.add(new Projected(i, r));
            }
        }
        return out;
    }

    private static void varRefs(Expr e, List<VarRef> out) {
        if (e instanceof VarRef v) {
            out.add(v);
        } else if (e instanceof BinaryExpr b) {
            varRefs(b.lhs(), out);
            varRefs(b.rhs(), out);
        } else if (e instanceof ParenExpr p) {
            varRefs(p.expr(), out);
        } else if (e instanceof Call c) {
            for (Expr a : c.args()) {
                varRefs(a, out);
            }
        }
    }

    /**
     * Whether a selected field has a value in the row. A field cast to a type its value cannot take
     * ({@code msg::integer} of a string) has none: 1.x reads no points for it, so it makes no row.
     */
    static boolean anyValue(List<Projected> projected, Object[] values) {
        for (Projected p : projected) {
            Object v = values[p.index()];
            if (v != null && (!p.ref().type().isFieldValueType() || RowValuer.cast(v, p.ref()) != null)) {
                return true;
            }
        }
        return false;
    }

    static Object[] project(SelectPlan plan, RowValuer row) {
        Object[] out = new Object[plan.fields().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ExprEvaluator.eval(plan.fields().get(i).expr(), row);
        }
        return out;
    }
}
