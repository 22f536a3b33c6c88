package io.shardline.query.exec;

import io.shardline.query.QueryException;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.ast.ShowFieldKeysStatement;
import io.shardline.query.ast.ShowMeasurementsStatement;
import io.shardline.query.ast.ShowSeriesStatement;
import io.shardline.query.ast.ShowTagKeysStatement;
import io.shardline.query.ast.ShowTagValuesStatement;
import io.shardline.query.ast.Statement;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.plan.MeasurementSchema;
import io.shardline.query.plan.SelectCompiler;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.plan.SelectPlanCodec;
import io.shardline.query.plan.SourceResolver;
import io.shardline.query.result.EpochFormat;
import io.shardline.query.result.JsonFormatter;
import io.shardline.query.result.Result;
import io.shardline.query.result.Series;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A single-process reference executor for tests: every statement runs over the given shards (each shard is
 * also the schema), the way the data node will wire the seams.
 */
final class TestRunner {

    private final List<InMemoryShard> shards;
    private final long now;
    private boolean wire;

    TestRunner(long now, InMemoryShard... shards) {
        this.now = now;
        this.shards = List.of(shards);
    }

    /** Ships the plan to the shards and their results back through the binary codecs. */
    TestRunner overTheWire() {
        wire = true;
        return this;
    }

    String json(String query) {
        return JsonFormatter.response(results(query), EpochFormat.RFC3339, false);
    }

    List<Result> results(String query) {
        List<Statement> statements = InfluxQLParser.parseQuery(query).statements();
        List<Result> out = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < statements.size(); i++) {
            if (failed) {
                out.add(Result.notExecuted(i));
                continue;
            }
            try {
                out.add(Result.of(i, run(statements.get(i))));
            } catch (QueryException e) {
                out.add(Result.error(i, e.getMessage()));
                failed = true;
            }
        }
        return out;
    }

    private List<Series> run(Statement s) {
        InMemoryShard schema = shards.get(0);
        if (s instanceof SelectStatement sel) {
            return selectAny(sel, true);
        } else if (s instanceof ShowMeasurementsStatement m) {
            return ShowExecutor.measurements(m, schema);
        } else if (s instanceof ShowSeriesStatement m) {
            return ShowExecutor.series(m, schema);
        } else if (s instanceof ShowTagKeysStatement m) {
            return ShowExecutor.tagKeys(m, schema);
        } else if (s instanceof ShowTagValuesStatement m) {
            return ShowExecutor.tagValues(m, schema);
        } else if (s instanceof ShowFieldKeysStatement m) {
            return ShowExecutor.fieldKeys(m, schema);
        }
        throw new QueryException("unsupported in test runner: " + s);
    }

    SelectPlan plan(SelectStatement sel) {
        return plan(sel, true);
    }

    /** The plan of {@code sel}; {@code asked} false for a statement a subquery reads (not type-checked, as 1.x). */
    private SelectPlan plan(SelectStatement sel, boolean asked) {
        java.util.Set<String> all = new java.util.TreeSet<>();
        shards.forEach(sh -> all.addAll(sh.measurements()));
        List<MeasurementSchema> schemas = new ArrayList<>();
        for (String m : SourceResolver.resolve(sel.sources(), all)) {
            Map<String, io.shardline.model.FieldType> fields = new HashMap<>();
            java.util.Set<String> tags = new java.util.HashSet<>();
            for (InMemoryShard sh : shards) {
                fields.putAll(sh.fieldTypes(m));
                sh.series(m).forEach(k -> tags.addAll(k.tags().keySet()));
            }
            schemas.add(new MeasurementSchema(m, fields, tags));
        }
        return SelectCompiler.compile(sel, now, schemas, asked);
    }

    private List<Series> selectAny(SelectStatement sel, boolean asked) {
        return SubqueryExecutor.hasSubquery(sel)
                ? SubqueryExecutor.execute(sel, now, inner -> selectAny(inner, false), asked) : select(sel, asked);
    }

    private List<Series> select(SelectStatement sel, boolean asked) {
        SelectPlan plan = plan(sel, asked);
        SelectPlan shipped = wire ? SelectPlanCodec.decode(SelectPlanCodec.encode(plan)) : plan;
        if (plan.isRaw()) {
            RawAssembler raw = new RawAssembler(plan);
            for (InMemoryShard sh : shards) {
                List<RawRow> rows = ShardSelectExecutor.execute(shipped, sh).rows();
                raw.add(wire ? ShardResultCodec.decodeRows(ShardResultCodec.encodeRows(rows)) : rows);
            }
            return raw.series();
        }
        AggregateAssembler agg = new AggregateAssembler(plan);
        for (InMemoryShard sh : shards) {
            List<PartialGroup> partials = ShardSelectExecutor.execute(shipped, sh).partials();
            agg.add(wire ? ShardResultCodec.decodePartials(ShardResultCodec.encodePartials(partials)) : partials);
        }
        return agg.series();
    }
}
