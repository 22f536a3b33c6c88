package io.shardline.query.exec;

import io.shardline.query.eval.ExprEvaluator;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.result.Series;
import io.shardline.query.value.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A raw outer query over subquery results. Unlike a raw query over stored series, 1.x does not re-sort the
 * rows by time: each output series takes the inner rows in the order the inner query produced them
 * ({@link ResultShard#rowsInOrder}), filtered, projected, transformed and paged. Stateless.
 */
final class SubqueryRaw {

    private SubqueryRaw() {
    }

    static List<Series> series(SelectPlan plan, ResultShard shard) {
        Map<String, List<String>> fieldsOf = new HashMap<>();
        for (String m : plan.measurements()) {
            fieldsOf.put(m, ShardSelectExecutor.neededFields(plan, shard.fieldTypes(m)));
        }
        Map<GroupKey, List<List<Object>>> groups = new TreeMap<>();
        for (ResultShard.Row r : shard.rowsInOrder(plan.ascending())) {
            List<String> fields = fieldsOf.get(r.key().measurement());
            if (fields == null || fields.isEmpty() || !plan.timeRange().contains(r.time())
                    || !TagPredicates.matches(plan.tagPredicate(), r.key())) {
                continue;
            }
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.value(fields.get(i));
            }
            if (!ExprEvaluator.matches(plan.rowFilter(), new RowValuer(fields, true).reset(r.key(), values))
                    || !ShardSelectExecutor.anyValue(ShardSelectExecutor.projectedFields(plan, fields), values)) {
                continue;
            }
            List<Object> row = new ArrayList<>(plan.fields().size() + 1);
            row.add(new Timestamp(r.time()));
            Collections.addAll(row, ShardSelectExecutor.project(plan, new RowValuer(fields, false).reset(r.key(),
                    values)));
            groups.computeIfAbsent(GroupKey.of(r.key(), plan.groupByTags()), g -> new ArrayList<>()).add(row);
        }
        List<Series> out = new ArrayList<>();
        for (Map.Entry<GroupKey, List<List<Object>>> e : Paging.seriesOrder(groups, plan.ascending(), plan.slimit(),
                plan.soffset())) {
            List<List<Object>> rows = Transformer.transformAndPage(plan, e.getValue());
            if (!rows.isEmpty()) {
                GroupKey g = e.getKey();
                out.add(Series.of(g.measurement(), plan.hasTagGroups() ? g.tags() : null, plan.columns(), rows));
            }
        }
        return out;
    }
}
