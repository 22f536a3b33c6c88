package io.shardline.datanode.query;

import io.shardline.common.error.ShardlineException;
import io.shardline.datanode.write.ConsistencyLevel;
import io.shardline.datanode.write.TombstoneBatch;
import io.shardline.datanode.write.TombstoneWriter;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.ShardLocation;
import io.shardline.query.ast.DataType;
import io.shardline.query.ast.DeleteSeriesStatement;
import io.shardline.query.ast.DropMeasurementStatement;
import io.shardline.query.ast.DropSeriesStatement;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Measurement;
import io.shardline.query.ast.Statement;
import io.shardline.query.ast.VarRef;
import io.shardline.query.exec.DeletePlanner;
import io.shardline.query.plan.SourceResolver;
import io.shardline.query.result.Series;
import io.shardline.query.value.TimeBounds;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.Tombstone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code DROP MEASUREMENT}, {@code DROP SERIES} and {@code DELETE}: checked as 1.x checks them, turned into one
 * versioned tombstone per measurement and affected shard (every policy of the database; DELETE only the shard
 * groups of its time range) and written to every owner with the write path's replication
 * ({@link TombstoneWriter}: consistency {@code one}, hinted handoff for owners that are down). A tombstone keeps
 * its tag predicate, so series that reach an owner later (a replay) are covered too. Thread-safe.
 */
final class DeleteStatements {

    private final Supplier<ClusterMetadata> metadata;
    private final Replicas replicas;
    private final Executor executor;
    private final TombstoneWriter writer;
    private final LongSupplier nextVersion;

    DeleteStatements(Supplier<ClusterMetadata> metadata, Replicas replicas, Executor executor, TombstoneWriter writer,
            LongSupplier nextVersion) {
        this.metadata = metadata;
        this.replicas = replicas;
        this.executor = executor;
        this.writer = writer;
        this.nextVersion = nextVersion;
    }

    static boolean handles(Statement s) {
        return s instanceof DropMeasurementStatement || s instanceof DropSeriesStatement
                || s instanceof DeleteSeriesStatement;
    }

    List<Series> execute(Statement s, QueryContext context) {
        if (context.onlyNode() != 0) {
            throw ShardlineException.invalid("the node parameter applies to reads only");
        }
        DatabaseInfo db = QueryScopes.database(metadata.get(), context.database());
        Target target = s instanceof DropMeasurementStatement d
                ? new Target(Arrays.asList(d.name()), TagPredicate.all(), Long.MIN_VALUE, Long.MAX_VALUE)
                : target(s, db, context.nowNanos());
        if (target.measurements.isEmpty() || target.min > target.max) {
            return List.of();
        }
        long version = nextVersion.getAsLong();
        List<TombstoneBatch> batches = new ArrayList<>();
        for (ShardLocation shard : QueryScopes.shards(db, target.min, target.max, 0)) {
            for (String m : target.measurements) {
                batches.add(new TombstoneBatch(shard.shardId(),
                        new Tombstone(m, target.predicate, target.min, target.max, version)));
            }
        }
        if (!batches.isEmpty()) {
            writer.delete(batches, ConsistencyLevel.ONE);
        }
        return List.of();
    }

    /** What to delete: measurements (a null entry = every measurement), series predicate and time range. */
    private record Target(List<String> measurements, TagPredicate predicate, long min, long max) {
    }

    private Target target(Statement s, DatabaseInfo db, long now) {
        List<Measurement> sources = s instanceof DropSeriesStatement d ? d.sources()
                : ((DeleteSeriesStatement) s).sources();
        Expr condition = s instanceof DropSeriesStatement d ? d.condition() : ((DeleteSeriesStatement) s).condition();
        ClusterSchema schema = new ClusterSchema(QueryScopes.shards(db, TimeBounds.MIN_TIME, TimeBounds.MAX_TIME, 0),
                0, replicas, executor);
        boolean regex = sources.stream().anyMatch(Measurement::isRegex);
        Set<String> existing = sources.isEmpty() || regex ? schema.measurements() : Set.of();
        List<String> named = new ArrayList<>(new LinkedHashSet<>(sources.stream().filter(m -> !m.isRegex())
                .map(Measurement::name).toList()));
        Set<String> known = new LinkedHashSet<>(existing);
        known.addAll(named);
        List<String> resolved = sources.isEmpty() ? new ArrayList<>(existing) : SourceResolver.resolve(sources, known);
        Map<String, SchemaAnswer.Description> described = schema.describe(resolved);
        Predicate<VarRef> isField = ref -> ref.type() != DataType.UNKNOWN ? ref.type() != DataType.TAG
                : described.values().stream().anyMatch(d -> d.fields().containsKey(ref.name()));
        DeletePlanner.DeletePlan plan = s instanceof DropSeriesStatement d
                ? DeletePlanner.dropSeries(d, known, isField)
                : DeletePlanner.delete((DeleteSeriesStatement) s, known, isField, now);
        TagPredicate predicate = TagConditions.toPredicate(plan.tagPredicate()).orElseThrow(() ->
                ShardlineException.invalid("unsupported condition in WHERE clause during deletion: "
                        + plan.tagPredicate() + " (tags support =, !=, =~ and !~ with AND, OR)"));
        long min = plan.timeRange().hasMin() ? plan.timeRange().min() : Long.MIN_VALUE;
        long max = plan.timeRange().hasMax() ? plan.timeRange().max() : Long.MAX_VALUE;
        Collection<String> measurements = sources.isEmpty() ? Arrays.asList((String) null) : resolved;
        return new Target(new ArrayList<>(measurements), predicate, min, max);
    }
}
