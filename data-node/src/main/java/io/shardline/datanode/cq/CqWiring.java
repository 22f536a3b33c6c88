package io.shardline.datanode.cq;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.config.data.ContinuousQueriesConfig;
import io.shardline.datanode.meta.DataNodeMembership;
import io.shardline.datanode.monitor.MonitorService;
import io.shardline.datanode.query.QueryContext;
import io.shardline.datanode.query.StatementExecutor;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.LeaseInfo;
import io.shardline.model.Point;
import io.shardline.query.result.Series;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the continuous-query service to the data node: the cluster view and meta client of its membership,
 * the node's statement executor for SELECT ... INTO (the distributed query and write paths), and, with
 * {@code query-stats-enabled} and {@code [monitor] store-enabled}, 1.x's {@code cq_query} points written
 * through the monitor store (its database and policy, its {@code hostname} and {@code nodeID} tags). Stateless.
 */
public final class CqWiring {

    private static final Logger LOG = LoggerFactory.getLogger(CqWiring.class);

    private CqWiring() {
    }

    /** @param monitor the node's monitor store, null when {@code [monitor] store-enabled} is off */
    public static ContinuousQueryService service(ContinuousQueriesConfig config, MonitorService monitor,
            DataNodeMembership membership, StatementExecutor statements, Clock clock, StatsRegistry stats) {
        CqTick.Meta meta = new CqTick.Meta() {
            @Override
            public ClusterMetadata view() {
                return membership.view().metadata();
            }

            @Override
            public LeaseInfo acquireLease(String name, long nodeId) {
                return client(membership).changes().acquireLease(name, nodeId);
            }

            @Override
            public void recordRun(String database, String name, long nodeId, long lastRun) {
                client(membership).changes().recordContinuousQueryRun(database, name, nodeId, lastRun);
                membership.refreshView();
            }
        };
        CqTick.Executor executor = (db, select, now) -> written(statements.execute(select,
                new QueryContext(db, "", now, 0)));
        CqTick.Executions executions = config.queryStatsEnabled() && monitor != null
                ? (db, name, took, written, start, end) -> queryStats(monitor, clock, db, name, took, written, start,
                        end)
                : (db, name, took, written, start, end) -> { };
        return new ContinuousQueryService(config, membership::nodeId, meta, executor, executions, clock, stats);
    }

    private static MetaClient client(DataNodeMembership membership) {
        MetaClient c = membership.metaClient();
        if (c == null) {
            throw new ShardlineException(ErrorCode.META_UNAVAILABLE, "no meta servers are known");
        }
        return c;
    }

    /** The {@code written} value of a SELECT ... INTO answer. */
    static long written(List<Series> result) {
        if (result.size() != 1 || result.get(0).values().size() != 1) {
            throw new IllegalStateException("SELECT ... INTO answered no written count");
        }
        return ((Number) result.get(0).values().get(0).get(1)).longValue();
    }

    /** 1.x's {@code cq_query} point: tags {@code db}, {@code cq} and the monitor's own, at the time of writing. */
    private static void queryStats(MonitorService monitor, Clock clock, String db, String name, long took,
            long written, long start, long end) {
        Point p = Point.builder("cq_query").tags(monitor.globalTags()).tag("db", db).tag("cq", name)
                .integerField("durationNs", took).integerField("pointsWrittenOK", written).integerField("startTime", start)
                .integerField("endTime", end).timestamp(clock.wallNanos()).build();
        try {
            monitor.writePoints(List.of(p));
        } catch (RuntimeException e) { // the statistics of a good run never make it a failed one
            LOG.warn("Writing continuous query statistics failed error=\"{}\"", e.getMessage());
        }
    }
}
