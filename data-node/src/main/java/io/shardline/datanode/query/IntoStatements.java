package io.shardline.datanode.query;

import io.shardline.datanode.write.ConsistencyLevel;
import io.shardline.datanode.write.WriteService;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.model.Point;
import io.shardline.query.ast.Measurement;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.exec.IntoPoints;
import io.shardline.query.result.Series;
import io.shardline.query.value.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code SELECT ... INTO}: runs the SELECT across the cluster, turns its series back into points
 * ({@link IntoPoints}) and writes them through the node's write coordinator (shard groups created as needed,
 * every owner written, hinted handoff for owners that are down), in batches of {@value #BATCH} points like 1.x,
 * at consistency {@code one}. Answers 1.x's {@code result} series with the number of points written. The target
 * is normalised as 1.x does: its database defaults to the query's {@code db}, its retention policy to the
 * query's {@code rp}, else the database's default. Thread-safe.
 */
final class IntoStatements {

    static final int BATCH = 10_000;

    private final Supplier<ClusterMetadata> metadata;
    private final SelectStatements select;
    private final WriteService writer;

    IntoStatements(Supplier<ClusterMetadata> metadata, SelectStatements select, WriteService writer) {
        this.metadata = metadata;
        this.select = select;
        this.writer = writer;
    }

    List<Series> execute(SelectStatement stmt, QueryContext context) {
        Measurement into = stmt.into();
        DatabaseInfo db = QueryScopes.database(metadata.get(),
                into.database().isEmpty() ? context.database() : into.database());
        String rp = !into.retentionPolicy().isEmpty() ? into.retentionPolicy() : context.retentionPolicy();
        List<Series> rows = select.execute(stmt.withInto(null), context);
        long written = 0;
        List<Point> batch = new ArrayList<>(BATCH);
        for (Series s : rows) {
            for (Point p : IntoPoints.of(into.name(), s)) {
                batch.add(p);
                if (batch.size() == BATCH) {
                    written += flush(db, rp, batch);
                }
            }
        }
        written += flush(db, rp, batch);
        return List.of(written(written));
    }

    private long flush(DatabaseInfo db, String rp, List<Point> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        // 1.x finds a missing policy only when it writes: a SELECT that returns nothing answers "written 0".
        QueryScopes.policy(metadata.get().database(db.name()).orElse(db), rp);
        writer.write(db.name(), rp, ConsistencyLevel.ONE, List.copyOf(batch));
        int n = batch.size();
        batch.clear();
        return n;
    }

    /** 1.x's answer to an INTO statement. */
    static Series written(long n) {
        return Series.of("result", null, List.of("time", "written"), List.of(List.of(new Timestamp(0), n)));
    }
}
