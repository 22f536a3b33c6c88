package io.shardline.query.exec;

import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.DataType;
import io.shardline.query.ast.Dimension;
import io.shardline.query.ast.DurationLiteral;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Field;
import io.shardline.query.ast.FillOption;
import io.shardline.query.ast.IntegerLiteral;
import io.shardline.query.ast.Measurement;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.ast.VarRef;
import io.shardline.query.ast.Wildcard;
import io.shardline.query.eval.TimeRange;
import io.shardline.query.plan.Interval;
import io.shardline.query.plan.MeasurementSchema;
import io.shardline.query.plan.SelectCompiler;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.result.Series;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a SELECT whose sources are subqueries, as 1.x does: each inner statement is shaped by the outer one (its
 * time range intersected with the outer's, the outer's GROUP BY tags added to its own, the outer's GROUP BY
 * interval inherited when it has none, {@code fill(null)} of an aggregate turned into {@code fill(none)}, the
 * outer's ORDER BY and SLIMIT/SOFFSET passed down), executed by the caller (on the cluster, so nested
 * subqueries recurse), and its result series become the series of an in-memory shard ({@link ResultShard}: the
 * name is the measurement, GROUP BY tags are tags, columns are fields) on which the outer statement runs with
 * the ordinary engine. A measurement next to subqueries is read into the same shard ({@link #direct}). Memory is
 * bounded by the inner results. Stateless.
 */
public final class SubqueryExecutor {

    /** Runs one (inner) SELECT and returns its series, as the statement executor would. */
    @FunctionalInterface
    public interface InnerRunner {
        List<Series> run(SelectStatement inner);
    }

    private static final Measurement PROBE = Measurement.named("subquery");

    private SubqueryExecutor() {
    }

    /** Whether {@code s} reads a subquery. */
    public static boolean hasSubquery(SelectStatement s) {
        return s.sources().stream().anyMatch(Measurement::isSubquery);
    }

    /** Executes {@code outer}, the statement asked; {@code now} is the query's {@code now()} in ns. */
    public static List<Series> execute(SelectStatement outer, long now, InnerRunner runner) {
        return execute(outer, now, runner, true);
    }

    /**
     * Executes {@code outer}; {@code asked} false when it is itself read by a subquery (1.x type-checks the fields of
     * the statement asked only: an inner {@code msg + 1} yields no values instead of a type error).
     */
    public static List<Series> execute(SelectStatement outer, long now, InnerRunner runner, boolean asked) {
        SelectPlan outerProbe = probe(outer, now);
        ResultShard shard = new ResultShard();
        for (Measurement m : outer.sources()) {
            SelectStatement inner = m.isSubquery() ? shape(m.subquery(), outer, outerProbe, now)
                    : direct(m, outer, outerProbe);
            shard.add(runner.run(inner), probe(inner, now));
        }
        List<MeasurementSchema> schemas = shard.schemas();
        if (schemas.isEmpty()) {
            return List.of();
        }
        List<Measurement> names = schemas.stream().map(s -> Measurement.named(s.name())).toList();
        // SLIMIT/SOFFSET went down to the inner statements; 1.x does not apply them again on the outer series.
        SelectStatement rewritten = outer.withSources(names).withGrouping(outer.dimensions(), outer.fill(),
                outer.fillValue(), outer.sortFields(), 0, 0);
        SelectPlan plan = SelectCompiler.compile(rewritten, now, schemas, asked);
        if (plan.isRaw()) {
            return SubqueryRaw.series(plan, shard);
        }
        return new AggregateAssembler(plan).add(ShardSelectExecutor.execute(plan, shard).partials()).series();
    }

    /**
     * The innermost statements {@code outer} reads (each shaped by the statements around it, as
     * {@link #execute} runs them), in FROM order: what 1.x's EXPLAIN of a subquery plans.
     */
    public static List<SelectStatement> innermost(SelectStatement outer, long now) {
        List<SelectStatement> out = new ArrayList<>();
        SelectPlan outerProbe = probe(outer, now);
        for (Measurement m : outer.sources()) {
            SelectStatement inner = m.isSubquery() ? shape(m.subquery(), outer, outerProbe, now)
                    : direct(m, outer, outerProbe);
            if (hasSubquery(inner)) {
                out.addAll(innermost(inner, now));
            } else {
                out.add(inner);
            }
        }
        return out;
    }

    /** Compiles {@code s} without a schema (checks it and gives its time range, interval and ordering). */
    private static SelectPlan probe(SelectStatement s, long now) {
        return SelectCompiler.compile(s.withSources(List.of(PROBE)), now, List.of());
    }

    /** The inner statement as the outer one shapes it (1.x's {@code newIteratorOptionsSubstatement}). */
    static SelectStatement shape(SelectStatement inner, SelectStatement outer, SelectPlan outerPlan, long now) {
        List<Dimension> dims = new ArrayList<>(inner.dimensions());
        Set<String> tags = new LinkedHashSet<>();
        boolean hasInterval = false;
        for (Dimension d : inner.dimensions()) {
            if (d.expr() instanceof VarRef v) {
                tags.add(v.name());
            } else if (d.expr() instanceof Call c && c.name().equals("time")) {
                hasInterval = true;
            }
        }
        for (Dimension d : outer.dimensions()) {
            if (d.expr() instanceof VarRef v && tags.add(v.name())) {
                dims.add(d);
            }
        }
        Interval interval = outerPlan.interval();
        if (!hasInterval && interval != null && !inner.isRawQuery()) {
            dims.add(new Dimension(new Call("time", List.of(new DurationLiteral(interval.duration()),
                    new DurationLiteral(interval.offset())))));
        }
        FillOption fill = inner.fill();
        if (!inner.isRawQuery() && fill == FillOption.NULL) {
            fill = FillOption.NONE;
        }
        SelectStatement shaped = inner.withGrouping(dims, fill, inner.fillValue(), outer.sortFields(),
                inner.slimit() + outer.slimit(), inner.soffset() + outer.soffset());
        return shaped.withCondition(withTimeRange(inner.condition(), outerPlan.timeRange()));
    }

    /**
     * A measurement next to subqueries in FROM, read as 1.x reads it (its points as they are stored, filtered by
     * the outer condition): {@code SELECT * FROM m WHERE <outer condition and time range> GROUP BY *}, whose
     * series keep their tags and whose columns are the measurement's fields, so the outer statement sees the same
     * points in the in-memory shard as in the measurement.
     */
    static SelectStatement direct(Measurement m, SelectStatement outer, SelectPlan outerPlan) {
        return new SelectStatement(List.of(Field.of(new Wildcard(DataType.UNKNOWN))), List.of(m),
                withTimeRange(outer.condition(), outerPlan.timeRange()),
                List.of(new Dimension(new Wildcard(DataType.UNKNOWN))), FillOption.NULL, null, outer.sortFields(),
                0, 0, 0, 0, outer.location());
    }

    /** {@code condition} restricted to {@code range} (1.x intersects the inner range with the outer one). */
    private static Expr withTimeRange(Expr condition, TimeRange range) {
        Expr out = condition == null ? null : new ParenExpr(condition);
        if (range.hasMin()) {
            out = and(out, new BinaryExpr(Operator.GTE, VarRef.of("time"), new IntegerLiteral(range.min())));
        }
        if (range.hasMax()) {
            out = and(out, new BinaryExpr(Operator.LTE, VarRef.of("time"), new IntegerLiteral(range.max())));
        }
        return out;
    }

    private static Expr and(Expr lhs, Expr rhs) {
        return lhs == null ? rhs : new BinaryExpr(Operator.AND, lhs, rhs);
    }
}
