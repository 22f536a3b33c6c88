package io.shardline.query.plan;

import io.shardline.query.QueryException;
import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.Dimension;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Field;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.ast.VarRef;
import io.shardline.query.eval.ConditionSplitter;
import io.shardline.query.eval.Reducer;
import io.shardline.query.eval.TimeCondition;
import io.shardline.query.eval.TimeRange;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a SELECT into a {@link SelectPlan} in 1.x's order: time range and condition, dimensions, fields,
 * field combination rules, then wildcard expansion against the schema. Errors are {@link QueryException}s with
 * 1.x's texts. Stateless.
 */
public final class SelectCompiler {

    private SelectCompiler() {
    }

    /**
     * Compiles {@code stmt} at {@code now} (ns). {@code schemas} describe the concrete measurements the sources
     * resolve to (see {@link SourceResolver}); measurements that do not exist are simply absent.
     */
    public static SelectPlan compile(SelectStatement stmt, long now, List<MeasurementSchema> schemas) {
        checkLocation(stmt.location());
        TimeCondition.Result tc = TimeCondition.extract(stmt.condition(), now);
        validateCondition(tc.condition());
        DimensionCompiler.Result dims = DimensionCompiler.compile(stmt.dimensions(), now);
        TimeRange range = dims.interval() != null ? tc.range().withDefaultMax(now) : tc.range();

        List<Field> fields = new ArrayList<>();
        String timeColumn = compileFields(stmt, now, dims.interval() != null, fields);
        List<Dimension> tagDims = dims.tagDimensions().stream().map(Dimension::new).toList();
        WildcardExpander.Result expanded = WildcardExpander.expand(fields, tagDims, schemas);
        List<Field> projections = expanded.fields().stream().map(SelectCompiler::distinctToCall).toList();
        List<String> groupBy = expanded.dimensions().stream().map(d -> ((VarRef) d.expr()).name()).distinct()
                .toList();
        Map<String, AggregateCall> calls = new LinkedHashMap<>();
        List<VarRef> aux = new ArrayList<>();
        for (Field f : projections) {
            collect(f.expr(), calls, aux);
        }
        ConditionSplitter.Split split = ConditionSplitter.split(tc.condition(), now,
                ref -> schemas.stream().anyMatch(s -> s.isField(ref)));
        List<AggregateCall> callList = List.copyOf(calls.values());
        boolean pointTime = dims.interval() == null && callList.size() == 1
                && callList.get(0).function().isSelector();
        return new SelectPlan(schemas.stream().map(MeasurementSchema::name).toList(), range, dims.interval(),
                groupBy, split.tagPredicate(), split.rowFilter(), ColumnNamer.columns(timeColumn, projections),
                projections, callList, callList.isEmpty() ? List.of() : aux, pointTime, stmt.fill(),
                stmt.fillValue(), stmt.timeAscending(), stmt.limit(), stmt.offset(), stmt.slimit(),
                stmt.soffset());
    }

    /** Compiles the fields into {@code out} (time fields dropped) and returns the time column's name. */
    private static String compileFields(SelectStatement stmt, long now, boolean hasInterval, List<Field> out) {
        String timeColumn = "time";
        FieldCompiler fc = new FieldCompiler(hasInterval);
        for (Field f : stmt.fields()) {
            if (f.expr() instanceof VarRef v && v.name().equals("time")) {
                if (f.hasAlias()) {
                    timeColumn = f.alias();
                }
                continue;
            }
            Field reduced = new Field(Reducer.reduce(f.expr(), now), f.alias());
            out.add(reduced);
            fc.compile(reduced.expr());
        }
        fc.validate(out.size(), stmt.fill());
        return timeColumn;
    }

    private static void checkLocation(String location) {
        if (location == null) {
            return;
        }
        ZoneId zone = ZoneId.of(location);
        if (!zone.getRules().isFixedOffset() || !zone.getRules().getOffset(java.time.Instant.EPOCH)
                .equals(ZoneOffset.UTC)) {
            throw new QueryException("tz('" + location + "') is not supported by Shardline: only UTC");
        }
    }

    private static void validateCondition(Expr cond) {
        if (cond instanceof BinaryExpr b) {
            validateCondition(b.lhs());
            validateCondition(b.rhs());
        } else if (cond instanceof ParenExpr p) {
            validateCondition(p.expr());
        } else if (cond instanceof Call c) {
            throw new QueryException("invalid function call in condition: " + c);
        }
    }

    private static Field distinctToCall(Field f) {
        if (f.expr() instanceof io.shardline.query.ast.Distinct d) {
            return new Field(new Call("distinct", List.of(VarRef.of(d.name()))), f.alias());
        }
        return f;
    }

    private static void collect(Expr e, Map<String, AggregateCall> calls, List<VarRef> aux) {
        if (e instanceof Call c) {
            AggregateCall call = CallResolver.resolve(c);
            calls.putIfAbsent(call.key(), call);
        } else if (e instanceof BinaryExpr b) {
            collect(b.lhs(), calls, aux);
            collect(b.rhs(), calls, aux);
        } else if (e instanceof ParenExpr p) {
            collect(p.expr(), calls, aux);
        } else if (e instanceof VarRef v && !aux.contains(v)) {
            aux.add(v);
        }
    }
}
