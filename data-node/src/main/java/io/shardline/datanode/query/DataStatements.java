package io.shardline.datanode.query;

import io.shardline.common.error.ShardlineException;
import io.shardline.datanode.write.TombstoneWriter;
import io.shardline.datanode.write.WriteService;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.query.ast.ExplainStatement;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.ast.Statement;
import io.shardline.query.result.Series;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs the statements that read or delete data across the cluster: SELECT ({@link SelectStatements}) and
 * SELECT ... INTO ({@link IntoStatements}), the
 * schema SHOW statements ({@link ShowStatements}) and DROP MEASUREMENT / DROP SERIES / DELETE
 * ({@link DeleteStatements}). Every shard is read on one owner chosen by {@link Replicas}. Thread-safe.
 */
public final class DataStatements implements StatementExecutor {

    private final SelectStatements select;
    private final IntoStatements into;
    private final ExplainStatements explain;
    private final ShowStatements show;
    private final DeleteStatements delete;

    /**
     * @param executor runs the per-shard and per-node work of a statement (the calling thread waits for it)
     * @param nextVersion the node's hybrid logical clock, which stamps deletes
     * @param points the write coordinator, which stores what {@code SELECT ... INTO} selects
     * @param nanoTime monotonic nanoseconds, for the timings of EXPLAIN ANALYZE
     * @param limits the SELECT limits of {@code [cluster]}
     */
    public DataStatements(Supplier<ClusterMetadata> metadata, Replicas replicas, ExecutorService executor,
            TombstoneWriter writer, LongSupplier nextVersion, WriteService points, LongSupplier nanoTime,
            SelectLimits limits) {
        this.select = new SelectStatements(metadata, replicas, executor, nanoTime, limits);
        this.into = new IntoStatements(metadata, select, points);
        this.explain = new ExplainStatements(select, nanoTime);
        this.show = new ShowStatements(metadata, replicas, executor);
        this.delete = new DeleteStatements(metadata, replicas, executor, writer, nextVersion);
    }

    @Override
    public List<Series> execute(Statement statement, QueryContext context) {
        if (statement instanceof SelectStatement s) {
            if (s.into() != null) {
                return into.execute(s, context);
            }
            List<Series> series = select.execute(s, context);
            if (s.location() == null) {
                return series;
            }
            java.time.ZoneId zone = java.time.ZoneId.of(s.location()); // times print in the tz() zone
            return series.stream().map(x -> x.inZone(zone)).toList();
        } else if (statement instanceof ExplainStatement s) {
            return explain.execute(s, context);
        } else if (ShowStatements.handles(statement)) {
            return show.execute(statement, context);
        } else if (DeleteStatements.handles(statement)) {
            return delete.execute(statement, context);
        }
        throw ShardlineException.invalid(statement + " is not supported by Shardline");
    }
}
