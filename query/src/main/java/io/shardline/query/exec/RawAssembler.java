package io.shardline.query.exec;

import io.shardline.query.plan.SelectPlan;
import io.shardline.query.result.Series;
import io.shardline.query.value.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinator half of a raw query: groups the shards' rows into output series, orders them by time (ties
 * by series key), and applies ORDER BY, LIMIT/OFFSET and SLIMIT/SOFFSET. Not thread-safe.
 */
public final class RawAssembler {

    /** Output order of raw rows: time, then series key (1.x merges series by time). */
    static final Comparator<RawRow> ORDER = Comparator.comparingLong(RawRow::time)
            .thenComparing(RawRow::seriesKey);

    private final SelectPlan plan;
    private final Map<GroupKey, List<RawRow>> groups = new TreeMap<>();

    public RawAssembler(SelectPlan plan) {
        this.plan = plan;
    }

    /** Adds one shard's rows. */
    public RawAssembler add(Iterable<RawRow> rows) {
        for (RawRow r : rows) {
            QueryMemory.reserve(QueryMemory.ROW + QueryMemory.VALUE * r.values().length);
            groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
        }
        return this;
    }

    /** The output series, ordered by name and tags (descending with ORDER BY time DESC, as 1.x). */
    public List<Series> series() {
        List<Series> out = new ArrayList<>();
        for (Map.Entry<GroupKey, List<RawRow>> e : Paging.seriesOrder(groups, plan.ascending(), plan.slimit(),
                plan.soffset())) {
            List<RawRow> rows = new ArrayList<>(e.getValue());
            rows.sort(ORDER);
            if (!plan.ascending()) {
                Collections.reverse(rows);
            }
            List<List<Object>> values = new ArrayList<>(rows.size());
            for (RawRow r : rows) {
                List<Object> row = new ArrayList<>(r.values().length + 1);
                row.add(new Timestamp(r.time()));
                Collections.addAll(row, r.values());
                values.add(row);
            }
            values = Transformer.transformAndPage(plan, values);
            if (values.isEmpty()) {
                continue;
            }
            GroupKey g = e.getKey();
            out.add(Series.of(g.measurement(), plan.hasTagGroups() ? g.tags() : null, plan.columns(), values));
        }
        return out;
    }
}
