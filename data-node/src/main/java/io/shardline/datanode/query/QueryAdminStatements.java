package io.shardline.datanode.query;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.unit.GoDurations;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.query.ast.KillQueryStatement;
import io.shardline.query.ast.ShowQueriesStatement;
import io.shardline.query.ast.Statement;
import io.shardline.query.result.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code SHOW QUERIES} and {@code KILL QUERY} with InfluxDB Enterprise's semantics: ids are per data
 * node; {@code SHOW QUERIES} lists every data node's queries ({@code qid node_id tcp_host query
 * database duration status}, nodes asked in parallel, one that does not answer left out);
 * {@code KILL QUERY <qid>} kills on this node, {@code ON "<host:port>"} on the data node with that
 * TCP address. Thread-safe.
 */
public final class QueryAdminStatements {

    private static final Logger LOG = LoggerFactory.getLogger(QueryAdminStatements.class);
    static final List<String> COLUMNS = List.of("qid", "node_id", "tcp_host", "query", "database", "duration",
            "status");

    private final QueryManager local;
    private final Supplier<ClusterMetadata> metadata;
    private final LongSupplier localNodeId;
    private final QueryPeers peers;
    private final Executor executor;

    public QueryAdminStatements(QueryManager local, Supplier<ClusterMetadata> metadata, LongSupplier localNodeId,
            QueryPeers peers, Executor executor) {
        this.local = local;
        this.metadata = metadata;
        this.localNodeId = localNodeId;
        this.peers = peers;
        this.executor = executor;
    }

    /** Whether this class runs {@code statement}. */
    public static boolean handles(Statement statement) {
        return statement instanceof ShowQueriesStatement || statement instanceof KillQueryStatement;
    }

    public List<Series> execute(Statement statement) {
        if (statement instanceof KillQueryStatement kill) {
            kill(kill);
            return List.of();
        }
        return List.of(Series.of("", null, COLUMNS, showQueries()));
    }

    private void kill(KillQueryStatement kill) {
        if (kill.host().isEmpty()) {
            local.kill(kill.queryId());
            return;
        }
        NodeInfo node = metadata.get().dataNodeByTcpAddress(kill.host()).orElseThrow(() ->
                new ShardlineException(ErrorCode.NOT_FOUND, "data node not found: " + kill.host()));
        if (node.id() == localNodeId.getAsLong()) {
            local.kill(kill.queryId());
        } else {
            peers.kill(node.tcpAddress(), kill.queryId());
        }
    }

    private List<List<Object>> showQueries() {
        long self = localNodeId.getAsLong();
        List<NodeInfo> nodes = metadata.get().dataNodes();
        List<CompletableFuture<List<RunningQuery>>> answers = new ArrayList<>();
        for (NodeInfo node : nodes) {
            answers.add(node.id() == self ? CompletableFuture.completedFuture(local.list())
                    : CompletableFuture.supplyAsync(() -> peers.list(node.tcpAddress()), executor));
        }
        if (nodes.stream().noneMatch(n -> n.id() == self)) { // not joined yet: this node alone
            return rows(0, "", local.list());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeInfo node = nodes.get(i);
            try {
                rows.addAll(rows(node.id(), node.tcpAddress(), answers.get(i).join()));
            } catch (RuntimeException e) {
                LOG.debug("SHOW QUERIES left out a data node node={} error=\"{}\"", node.id(), e.toString());
            }
        }
        return rows;
    }

    private static List<List<Object>> rows(long nodeId, String tcpHost, List<RunningQuery> queries) {
        List<List<Object>> rows = new ArrayList<>();
        for (RunningQuery q : queries) {
            rows.add(List.of(q.qid(), nodeId, tcpHost, q.query(), q.database(), duration(q.durationNanos()),
                    q.status()));
        }
        return rows;
    }

    /** 1.x's SHOW QUERIES duration: truncated to whole seconds, milliseconds or microseconds, as Go prints it. */
    static String duration(long nanos) {
        long d = nanos;
        if (d >= 1_000_000_000L) {
            d -= d % 1_000_000_000L;
        } else if (d >= 1_000_000L) {
            d -= d % 1_000_000L;
        } else if (d >= 1_000L) {
            d -= d % 1_000L;
        }
        return GoDurations.format(Duration.ofNanos(d));
    }
}
