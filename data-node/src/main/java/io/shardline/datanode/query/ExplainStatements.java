package io.shardline.datanode.query;

import io.shardline.common.unit.GoDurations;
import io.shardline.meta.model.ShardLocation;
import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.ExplainStatement;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.ast.VarRef;
import io.shardline.query.exec.ShardSelectExecutor;
import io.shardline.query.exec.SubqueryExecutor;
import io.shardline.query.plan.AggregateCall;
import io.shardline.query.plan.MeasurementSchema;
import io.shardline.query.result.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * {@code EXPLAIN} and {@code EXPLAIN ANALYZE} in 1.x's shape (one unnamed series, one column named {@code QUERY
 * PLAN} or {@code EXPLAIN ANALYZE}, one line per row) with Shardline's content: the expressions (as 1.x prints
 * them), the shards read with their owners and the series they hold; ANALYZE runs the statement and adds
 * planning, execution and total time and, per shard, the owner that answered, what it returned and how long it
 * took, as a tree drawn like 1.x's. Thread-safe.
 */
final class ExplainStatements {

    private final SelectStatements select;
    private final LongSupplier nanoTime;

    ExplainStatements(SelectStatements select, LongSupplier nanoTime) {
        this.select = select;
        this.nanoTime = nanoTime;
    }

    List<Series> execute(ExplainStatement s, QueryContext context) {
        if (SubqueryExecutor.hasSubquery(s.statement())) {
            if (s.analyze()) {
                return analyzeSubquery(s.statement(), context);
            }
            // 1.x plans the iterators of the innermost statements, shaped by the outer ones
            List<String> lines = new ArrayList<>();
            for (SelectStatement inner : SubqueryExecutor.innermost(s.statement(), context.nowNanos())) {
                lines.addAll(explainLines(inner, context));
            }
            return table("QUERY PLAN", lines.isEmpty() ? List.of("") : lines);
        }
        return s.analyze() ? analyze(s.statement(), context) : explain(s.statement(), context);
    }

    private List<Series> explain(SelectStatement stmt, QueryContext context) {
        List<String> lines = explainLines(stmt, context);
        return table("QUERY PLAN", lines.isEmpty() ? List.of("") : lines);
    }

    /** The plan lines of one statement (none when it reads nothing). */
    private List<String> explainLines(SelectStatement stmt, QueryContext context) {
        SelectStatements.Prepared p = select.prepare(stmt, context);
        if (p == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(expressions(p));
        lines.add("NUMBER OF SHARDS: " + p.shards().size());
        long series = 0;
        for (String m : p.plan().measurements()) {
            for (List<SeriesKey> shard : p.schema().seriesPerShard(m, p.plan().tagPredicate())) {
                series += shard.size();
            }
        }
        lines.add("NUMBER OF SERIES: " + series);
        for (ShardLocation shard : p.shards()) {
            lines.add("SHARD " + shard.shardId() + ": OWNERS " + owners(shard.shard().owners()));
        }
        return lines;
    }

    private List<Series> analyze(SelectStatement stmt, QueryContext context) {
        long start = nanoTime.getAsLong();
        SelectStatements.Prepared p = select.prepare(stmt, context);
        long planned = nanoTime.getAsLong();
        List<SelectStatements.ShardTrace> traces = new ArrayList<>();
        if (p != null) {
            select.run(p.plan(), p.shards(), context.onlyNode(), traces);
        }
        long done = nanoTime.getAsLong();
        PlanTree root = new PlanTree("");
        PlanTree selectNode = times(root, done - planned, planned - start, done - start);
        shards(selectNode, traces, p == null || p.plan().isRaw());
        return analyzeTable(root);
    }

    /**
     * EXPLAIN ANALYZE of a statement with subqueries: runs it as a SELECT does and draws 1.x's nesting, one
     * {@code build_cursor} per statement (labelled with the statement as the outer ones shaped it) around the
     * {@code build_cursor} of each source, and under each innermost statement the shards it read.
     */
    private List<Series> analyzeSubquery(SelectStatement stmt, QueryContext context) {
        long start = nanoTime.getAsLong();
        long[] planning = {0};
        PlanTree cursor = new PlanTree("build_cursor");
        cursor.child("labels").child("statement: " + stmt);
        SubqueryExecutor.execute(stmt, context.nowNanos(), inner -> traced(inner, context, cursor, planning));
        long total = nanoTime.getAsLong() - start;
        PlanTree root = new PlanTree("");
        PlanTree selectNode = times(root, total - planning[0], planning[0], total);
        selectNode.add(cursor);
        return analyzeTable(root);
    }

    /** Runs one statement a subquery reads, recording its cursor and (innermost) its shards under {@code parent}. */
    private List<Series> traced(SelectStatement stmt, QueryContext context, PlanTree parent, long[] planning) {
        PlanTree cursor = parent.child("build_cursor");
        cursor.child("labels").child("statement: " + stmt);
        if (SubqueryExecutor.hasSubquery(stmt)) {
            return SubqueryExecutor.execute(stmt, context.nowNanos(), inner -> traced(inner, context, cursor,
                    planning), false);
        }
        long start = nanoTime.getAsLong();
        SelectStatements.Prepared p = select.prepare(stmt, context, false);
        planning[0] += nanoTime.getAsLong() - start;
        List<SelectStatements.ShardTrace> traces = new ArrayList<>();
        List<Series> out = p == null ? List.of() : select.run(p.plan(), p.shards(), context.onlyNode(), traces);
        shards(cursor, traces, p == null || p.plan().isRaw());
        return out;
    }

    /** The {@code select} node with 1.x's three times. */
    private static PlanTree times(PlanTree root, long execution, long planning, long total) {
        PlanTree selectNode = root.child("select");
        selectNode.child("execution_time: " + duration(execution));
        selectNode.child("planning_time: " + duration(planning));
        selectNode.child("total_time: " + duration(total));
        return selectNode;
    }

    /** Per shard read: the owner that answered, what it returned and how long it took. */
    private static void shards(PlanTree parent, List<SelectStatements.ShardTrace> traces, boolean raw) {
        PlanTree shards = parent.child("shards");
        traces.sort(Comparator.comparingLong(SelectStatements.ShardTrace::shardId));
        for (SelectStatements.ShardTrace t : traces) {
            PlanTree shard = shards.child("shard " + t.shardId());
            shard.child("owner: " + t.owner());
            shard.child(raw ? "rows: " + t.rows() : "partial_groups: " + t.partialGroups());
            shard.child("read_time: " + duration(t.nanos()));
        }
    }

    private static List<Series> analyzeTable(PlanTree root) {
        List<String> lines = root.lines();
        lines.add("");
        return table("EXPLAIN ANALYZE", lines);
    }

    /** 1.x's {@code EXPRESSION:} lines: one per call, or {@code <nil>} and the typed auxiliary fields. */
    private static List<String> expressions(SelectStatements.Prepared p) {
        List<String> out = new ArrayList<>();
        if (p.plan().isRaw()) {
            out.add("EXPRESSION: <nil>");
            Set<String> aux = new LinkedHashSet<>();
            for (MeasurementSchema m : p.schemas()) {
                for (String f : ShardSelectExecutor.neededFields(p.plan(), m.fields())) {
                    aux.add(typed(f, m.fields()));
                }
            }
            out.add("AUXILIARY FIELDS: " + String.join(", ", aux));
            return out;
        }
        for (AggregateCall c : p.plan().calls()) {
            out.add("EXPRESSION: " + render(c.call(), p.schemas()));
        }
        return out;
    }

    private static String render(Call call, List<MeasurementSchema> schemas) {
        StringBuilder b = new StringBuilder(call.name()).append('(');
        for (int i = 0; i < call.args().size(); i++) {
            Expr a = call.args().get(i);
            b.append(i > 0 ? ", " : "");
            if (a instanceof VarRef v && !schemas.isEmpty()) {
                b.append(typed(v.name(), fieldsOf(v.name(), schemas)));
            } else if (a instanceof Call inner) {
                b.append(render(inner, schemas));
            } else {
                b.append(a);
            }
        }
        return b.append(')').toString();
    }

    private static Map<String, FieldType> fieldsOf(String field, List<MeasurementSchema> schemas) {
        for (MeasurementSchema m : schemas) {
            if (m.fields().containsKey(field)) {
                return m.fields();
            }
        }
        return Map.of();
    }

    private static String typed(String field, Map<String, FieldType> fields) {
        FieldType t = fields.get(field);
        return t == null ? field : field + "::" + t.influxName();
    }

    private static String owners(List<Long> owners) {
        List<String> out = new ArrayList<>();
        owners.forEach(o -> out.add(Long.toString(o)));
        return String.join(", ", out);
    }

    private static String duration(long nanos) {
        return GoDurations.format(Duration.ofNanos(nanos));
    }

    private static List<Series> table(String column, List<String> lines) {
        List<List<Object>> rows = new ArrayList<>();
        lines.forEach(l -> rows.add(List.of(l)));
        return List.of(Series.of("", Map.of(), List.of(column), rows));
    }
}
