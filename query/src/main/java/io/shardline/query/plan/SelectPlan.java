package io.shardline.query.plan;

import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Field;
import io.shardline.query.ast.FillOption;
import io.shardline.query.ast.VarRef;
import io.shardline.query.eval.TimeRange;
import java.util.List;

/**
 * A compiled SELECT: everything the executor needs, with wildcards expanded and 1.x's defaults applied.
 *
 * @param measurements the concrete measurements read (regex sources already resolved)
 * @param timeRange the time range; the upper bound defaults to {@code now} with GROUP BY time, the lower bound
 *     stays unset when none was given (then buckets start at each group's first point and aggregates without
 *     GROUP BY time report time 0)
 * @param interval the GROUP BY time interval, or null
 * @param groupByTags tag keys of the series groups, in GROUP BY order (after {@code *}/regex expansion)
 * @param tagPredicate conjuncts over tags only (the index can answer them), or null
 * @param rowFilter the rest of the condition, evaluated per row with fields and tags visible, or null
 * @param columns output column names, the time column first
 * @param fields one projection per output column after time; calls refer to {@link #calls()} by key
 * @param calls the distinct aggregate calls (empty for raw queries)
 * @param auxRefs fields and tags selected next to a lone selector (their values come from the selected point)
 * @param pointTime whether rows carry the selected point's time (a lone selector without GROUP BY time)
 * @param transforms transformations the coordinator applies to the merged rows (owners never see them)
 */
public record SelectPlan(List<String> measurements, TimeRange timeRange, Interval interval,
        List<String> groupByTags, Expr tagPredicate, Expr rowFilter, List<String> columns, List<Field> fields,
        List<AggregateCall> calls, List<VarRef> auxRefs, boolean pointTime, FillOption fill, Number fillValue,
        boolean ascending, int limit, int offset, int slimit, int soffset, Transforms transforms) {

    public SelectPlan {
        measurements = List.copyOf(measurements);
        groupByTags = List.copyOf(groupByTags);
        columns = List.copyOf(columns);
        fields = List.copyOf(fields);
        calls = List.copyOf(calls);
        auxRefs = List.copyOf(auxRefs);
    }

    /** Whether this is a raw (non-aggregate) query. */
    public boolean isRaw() {
        return calls.isEmpty();
    }

    /** Whether output series carry a {@code tags} object (only with tag dimensions). */
    public boolean hasTagGroups() {
        return !groupByTags.isEmpty();
    }

    /** The time aggregates report without GROUP BY time: the lower bound, or 0 when none was given. */
    public long startTime() {
        return timeRange.hasMin() ? timeRange.min() : 0;
    }
}
