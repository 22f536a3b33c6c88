package io.shardline.datanode.query;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardLocation;
import io.shardline.query.ast.Measurement;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.exec.AggregateAssembler;
import io.shardline.query.exec.RawAssembler;
import io.shardline.query.exec.SubqueryExecutor;
import io.shardline.query.plan.MeasurementSchema;
import io.shardline.query.plan.SelectCompiler;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.plan.SourceResolver;
import io.shardline.query.result.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Coordinates a SELECT across the cluster: resolves the database, retention policy and the shards of the time
 * range, reads the schema of the sources from the owners, compiles the plan, runs it on one owner per shard in
 * parallel (filters, projections and partial aggregation happen there) and merges, fills and pages the result.
 * Thread-safe; each call runs on the caller's thread plus tasks on {@code executor}.
 */
final class SelectStatements {

    private final Supplier<ClusterMetadata> metadata;
    private final Replicas replicas;
    private final ExecutorService executor;
    private final LongSupplier nanoTime;
    private final SelectLimits limits;

    SelectStatements(Supplier<ClusterMetadata> metadata, Replicas replicas, ExecutorService executor,
            LongSupplier nanoTime, SelectLimits limits) {
        this.metadata = metadata;
        this.replicas = replicas;
        this.executor = executor;
        this.nanoTime = nanoTime;
        this.limits = limits;
    }

    List<Series> execute(SelectStatement stmt, QueryContext context) {
        return execute(stmt, context, true);
    }

    /** {@code asked} false for a statement a subquery reads (1.x type-checks the asked statement's fields only). */
    private List<Series> execute(SelectStatement stmt, QueryContext context, boolean asked) {
        if (SubqueryExecutor.hasSubquery(stmt)) {
            // The inner statements run on the cluster like any SELECT (nested ones recurse); the outer one here.
            return SubqueryExecutor.execute(stmt, context.nowNanos(), inner -> execute(inner, context, false), asked);
        }
        Prepared p = prepare(stmt, context, asked);
        return p == null ? List.of() : run(p.plan(), p.shards(), context.onlyNode(), null);
    }

    /** A compiled statement with the shards it reads and their schema. */
    record Prepared(SelectPlan plan, List<ShardLocation> shards, ClusterSchema schema,
            List<MeasurementSchema> schemas) {
    }

    /** What one shard's read did, for EXPLAIN ANALYZE. */
    record ShardTrace(long shardId, long owner, int rows, int partialGroups, long nanos) {
    }

    /** Compiles the asked statement {@code stmt} against the schema of its shards; null when it reads nothing. */
    Prepared prepare(SelectStatement stmt, QueryContext context) {
        return prepare(stmt, context, true);
    }

    /** {@link #prepare(SelectStatement, QueryContext)}; {@code asked} false for a statement a subquery reads. */
    Prepared prepare(SelectStatement stmt, QueryContext context, boolean asked) {
        ClusterMetadata meta = metadata.get();
        QueryScopes.checkNode(meta, context.onlyNode());
        String[] target = target(stmt.sources(), context);
        DatabaseInfo db = QueryScopes.database(meta, target[0]);
        RetentionPolicyInfo rp = QueryScopes.policy(db, target[1]);
        // Compiling without a schema checks the statement and gives the time range, which picks the shards.
        SelectPlan probe = SelectCompiler.compile(stmt, context.nowNanos(), List.of());
        List<ShardLocation> shards = QueryScopes.shards(db.name(), rp, probe.timeRange().minTime(),
                probe.timeRange().maxTime(), context.onlyNode());
        if (shards.isEmpty()) {
            return null;
        }
        ClusterSchema schema = new ClusterSchema(shards, context.onlyNode(), replicas, executor);
        List<MeasurementSchema> schemas = schemas(stmt.sources(), schema);
        if (schemas.isEmpty()) {
            return null;
        }
        SelectPlan plan = SelectCompiler.compile(stmt, context.nowNanos(), schemas, asked);
        checkLimits(plan, schema);
        return new Prepared(plan, shards, schema, schemas);
    }

    /** {@code max-select-buckets} and {@code max-select-series} with 1.x's errors, before any point is read. */
    private void checkLimits(SelectPlan plan, ClusterSchema schema) {
        if (plan.interval() != null && !plan.isRaw() && plan.timeRange().hasMin()) {
            plan.interval().checkMaxSelectBuckets(plan.timeRange(), limits.maxBuckets());
        }
        if (limits.maxSeries() > 0) {
            for (String m : plan.measurements()) {
                if (schema.series(m, plan.tagPredicate()).size() > limits.maxSeries()) {
                    // 1.x stops counting at the first series over the limit
                    throw ShardlineException.invalid("max-select-series limit exceeded: (" + (limits.maxSeries() + 1)
                            + "/" + limits.maxSeries() + ")");
                }
            }
        }
    }

    /** The database and retention policy every source reads: one pair per statement. */
    private static String[] target(List<Measurement> sources, QueryContext context) {
        String[] target = null;
        for (Measurement m : sources) {
            String[] t = {m.database().isEmpty() ? context.database() : m.database(),
                    m.retentionPolicy().isEmpty() ? context.retentionPolicy() : m.retentionPolicy()};
            if (target != null && !(target[0].equals(t[0]) && target[1].equals(t[1]))) {
                throw ShardlineException.invalid(
                        "reading several databases or retention policies in one statement is not supported by Shardline");
            }
            target = t;
        }
        return target == null ? new String[] {context.database(), context.retentionPolicy()} : target;
    }

    private static List<MeasurementSchema> schemas(List<Measurement> sources, ClusterSchema schema) {
        boolean regex = sources.stream().anyMatch(Measurement::isRegex);
        List<String> names = regex ? SourceResolver.resolve(sources, schema.measurements())
                : sources.stream().map(Measurement::name).distinct().toList();
        List<MeasurementSchema> out = new ArrayList<>();
        Map<String, SchemaAnswer.Description> described = schema.describe(names);
        for (String name : SourceResolver.resolve(sources, described.keySet())) {
            SchemaAnswer.Description d = described.get(name);
            out.add(new MeasurementSchema(name, d.fields(), d.tagKeys()));
        }
        return out;
    }

    /**
     * Reads every shard on one owner and merges. With {@code traces} (EXPLAIN ANALYZE) each shard's owner, result
     * size and read time (by {@code nanoTime}) are added to it.
     */
    List<Series> run(SelectPlan plan, List<ShardLocation> shards, long onlyNode, List<ShardTrace> traces) {
        List<Future<ShardBuffer>> pending = new ArrayList<>(shards.size());
        for (int i = 0; i < shards.size(); i++) {
            ShardLocation shard = shards.get(i);
            Callable<ShardBuffer> read = () -> replicas.onShard(shard, onlyNode, (node, owner) -> {
                long start = traces == null ? 0 : nanoTime.getAsLong();
                ShardBuffer buffer = new ShardBuffer();
                owner.select(shard.shardId(), plan, buffer);
                if (traces != null) {
                    synchronized (traces) {
                        traces.add(new ShardTrace(shard.shardId(), node, buffer.rows.size(),
                                buffer.partials.size(), nanoTime.getAsLong() - start));
                    }
                }
                return buffer;
            });
            // The last shard is read on this thread, which would otherwise only wait.
            pending.add(i < shards.size() - 1 ? executor.submit(read) : inline(read));
        }
        try {
            if (plan.isRaw()) {
                RawAssembler raw = new RawAssembler(plan);
                for (Future<ShardBuffer> f : pending) {
                    raw.add(await(f).rows);
                }
                return raw.series();
            }
            AggregateAssembler agg = new AggregateAssembler(plan);
            for (Future<ShardBuffer> f : pending) {
                ShardBuffer buffer = await(f);
                agg.add(buffer.partials);
                // merged (or copied) now: not kept alive through series(), a shard of 300 k series holds as many
                buffer.partials.clear();
            }
            return agg.series();
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
    }

    private static Future<ShardBuffer> inline(Callable<ShardBuffer> read) {
        FutureTask<ShardBuffer> task = new FutureTask<>(read);
        task.run();
        return task;
    }

    private static ShardBuffer await(Future<ShardBuffer> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw ShardlineException.wrap(e.getCause(), ErrorCode.INTERNAL, "query failed");
        } catch (CancellationException e) {
            throw new ShardlineException(ErrorCode.CANCELLED, "query cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShardlineException(ErrorCode.CANCELLED, "query interrupted");
        }
    }
}
