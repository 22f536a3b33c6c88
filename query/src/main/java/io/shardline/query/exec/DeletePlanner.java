package io.shardline.query.exec;

import io.shardline.query.QueryException;
import io.shardline.query.ast.DeleteSeriesStatement;
import io.shardline.query.ast.DropSeriesStatement;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Measurement;
import io.shardline.query.ast.VarRef;
import io.shardline.query.eval.ConditionSplitter;
import io.shardline.query.eval.TimeCondition;
import io.shardline.query.eval.TimeRange;
import io.shardline.query.plan.SourceResolver;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Plans {@code DROP SERIES} and {@code DELETE} with 1.x's checks: what to delete is the series of the resolved
 * measurements whose tags satisfy the predicate, within a time range (DELETE only). Stateless.
 */
public final class DeletePlanner {

    /** The measurements, the tag predicate (null = all series) and the time range (unbounded for DROP SERIES). */
    public record DeletePlan(List<String> measurements, Expr tagPredicate, TimeRange timeRange) {
    }

    private DeletePlanner() {
    }

    /** {@code DROP SERIES}: time in WHERE is an error, as are field conditions. */
    public static DeletePlan dropSeries(DropSeriesStatement s, Set<String> measurements, Predicate<VarRef> isField) {
        if (TimeCondition.mentionsTime(s.condition())) {
            throw new QueryException("DROP SERIES doesn't support time in WHERE clause");
        }
        return plan(s.sources(), s.condition(), measurements, isField);
    }

    /** {@code DELETE}: time bounds allowed, field conditions are an error. */
    public static DeletePlan delete(DeleteSeriesStatement s, Set<String> measurements, Predicate<VarRef> isField,
            long now) {
        return plan(s.sources(), s.condition(), measurements, isField, now);
    }

    private static DeletePlan plan(List<Measurement> sources, Expr cond, Set<String> all, Predicate<VarRef> isField) {
        return plan(sources, cond, all, isField, 0);
    }

    private static DeletePlan plan(List<Measurement> sources, Expr cond, Set<String> all, Predicate<VarRef> isField,
            long now) {
        ConditionSplitter.Split split = ConditionSplitter.split(cond, now, isField);
        if (split.rowFilter() != null) {
            throw new QueryException("fields not supported in WHERE clause during deletion");
        }
        List<String> names = sources.isEmpty() ? SourceResolver.resolve(
                List.of(new Measurement("", "", "", new io.shardline.query.ast.RegexLiteral(".*",
                        java.util.regex.Pattern.compile(".*")))), all)
                : SourceResolver.resolve(sources, all);
        return new DeletePlan(names, split.tagPredicate(), split.timeRange());
    }
}
