package io.shardline.datanode.query;

import io.shardline.meta.client.MetaChanges;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.query.ast.Statement;
import io.shardline.query.result.Series;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Routes each statement: metadata statements (database and retention-policy DDL, continuous queries, SHOW
 * DATABASES, RETENTION POLICIES, SHARDS, SHARD GROUPS, CONTINUOUS QUERIES) go to the meta nodes or the cluster view; everything
 * that reads or deletes data goes to {@code dataStatements}. Thread-safe.
 */
public final class ClusterStatementExecutor implements StatementExecutor {

    private final MetaStatements meta;
    private final UserStatements users;
    private final ContinuousQueryStatements continuousQueries;
    private final StatementExecutor dataStatements;

    public ClusterStatementExecutor(Supplier<MetaClient> client, StatementExecutor dataStatements) {
        MetaStatements.Meta metaAccess = new MetaStatements.Meta() {
            @Override
            public MetaChanges changes() {
                return require(client).changes();
            }

            @Override
            public ClusterMetadata refresh() {
                return require(client).metadata();
            }

            @Override
            public ClusterMetadata view() {
                MetaClient c = client.get();
                return c == null ? ClusterMetadata.EMPTY : c.view().metadata();
            }
        };
        this.meta = new MetaStatements(metaAccess);
        this.users = new UserStatements(metaAccess);
        this.continuousQueries = new ContinuousQueryStatements(metaAccess);
        this.dataStatements = dataStatements;
    }

    @Override
    public List<Series> execute(Statement statement, QueryContext context) {
        if (UserStatements.handles(statement)) {
            return users.execute(statement);
        }
        if (ContinuousQueryStatements.handles(statement)) {
            return continuousQueries.execute(statement, context);
        }
        if (MetaStatements.handles(statement)) {
            return meta.execute(statement, context);
        }
        return dataStatements.execute(statement, context);
    }

    private static MetaClient require(Supplier<MetaClient> client) {
        MetaClient c = client.get();
        if (c == null) {
            throw new ShardlineException(ErrorCode.META_UNAVAILABLE,
                    "this data node has not joined a cluster: no meta servers are known");
        }
        return c;
    }
}
