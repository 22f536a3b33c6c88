package io.shardline.meta.http;

import io.shardline.common.auth.UserDirectory;
import io.shardline.common.http.HttpAuthenticator.Access;
import io.shardline.common.http.StreamingHttpHandler;
import io.shardline.common.http.HttpResult;
import io.shardline.common.http.HttpRouter;
import io.shardline.common.json.GoJson;
import io.shardline.common.stats.StatsHttp;
import io.shardline.meta.client.ClusterStatus;
import io.shardline.meta.client.NodeStatus;
import io.shardline.meta.ratis.RaftStatus;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The meta node's status port (HTTPS with {@code [meta] https-enabled}): {@code /ping} (204), {@code /status} with the JSON
 * InfluxDB Enterprise's {@code /status} answers ({@code nodeType}, {@code leader}, {@code httpAddr},
 * {@code raftAddr}, {@code peers}), and {@code /show-cluster} with Enterprise's node listing
 * ({@code {"data":[...],"meta":[...]}}, versions empty for nodes that are not live), and the
 * statistics views {@code /debug/vars} and {@code /metrics}. Thread-safe; reads the Raft view and the
 * cluster status through suppliers. {@code /raft} (Shardline only) reports this node's Raft role,
 * term, indexes and log history ({@link RaftStatusJson}), which drills compare across meta nodes.
 * With {@code [meta] auth-enabled} every route but {@code /ping} needs an admin once one exists
 * ({@link #access}).
 */
public final class MetaStatusApi {

    /** What {@code /status} reports; {@code peers} is null for a node that has not joined a cluster. */
    public record Status(String leader, String httpAddr, String raftAddr, List<String> peers) {
    }

    private static final Set<String> ADMIN_ROUTES = Set.of("/raft", "/status", "/show-cluster", "/debug/vars",
            "/metrics");

    private final HttpRouter router = new HttpRouter();

    public MetaStatusApi(Supplier<Status> status, Supplier<ClusterStatus> cluster, Supplier<RaftStatus> raft) {
        router.route(Set.of("GET", "HEAD"), "/ping", r -> HttpResult.noContent());
        router.route(Set.of("GET"), "/raft", r -> HttpResult.json(200, RaftStatusJson.toJson(raft.get()) + "\n"));
        router.route(Set.of("GET"), "/status", r -> HttpResult.json(200, toJson(status.get()) + "\n"));
        router.route(Set.of("GET"), "/show-cluster", r -> HttpResult.json(200, toJson(cluster.get()) + "\n"));
    }

    /** Adds the node's statistics views ({@code /debug/vars}, {@code /metrics}). */
    public MetaStatusApi withStats(StatsHttp stats) {
        stats.routes(router);
        return this;
    }

    /**
     * What a path needs with {@code [meta] auth-enabled}: once an admin user exists, the cluster's layout,
     * Raft state and statistics need an admin (as Enterprise's meta API, which only admins and nodes use);
     * before that (a cluster being set up, as 1.x's bootstrap rule) nothing. {@code /ping} never needs
     * anything, so health checks need no secret; unknown paths neither (they answer 404).
     */
    public static Function<String, Access> access(UserDirectory users) {
        return path -> ADMIN_ROUTES.contains(path) && users.adminUserExists() ? Access.ADMIN : Access.OPEN;
    }

    public StreamingHttpHandler handler() {
        return router;
    }

    static String toJson(Status s) {
        StringBuilder b = new StringBuilder("{\"nodeType\":\"meta\",\"leader\":").append(GoJson.quote(s.leader()))
                .append(",\"httpAddr\":").append(GoJson.quote(s.httpAddr()))
                .append(",\"raftAddr\":").append(GoJson.quote(s.raftAddr()))
                .append(",\"peers\":");
        if (s.peers() == null) {
            b.append("null");
        } else {
            b.append('[');
            for (int i = 0; i < s.peers().size(); i++) {
                b.append(i == 0 ? "" : ",").append(GoJson.quote(s.peers().get(i)));
            }
            b.append(']');
        }
        return b.append('}').toString();
    }

    static String toJson(ClusterStatus c) {
        return "{\"data\":" + nodes(c.dataNodes()) + ",\"meta\":" + nodes(c.metaNodes()) + "}";
    }

    private static String nodes(List<NodeStatus> nodes) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < nodes.size(); i++) {
            NodeStatus n = nodes.get(i);
            b.append(i == 0 ? "" : ",").append("{\"id\":").append(n.node().id())
                    .append(",\"addr\":").append(GoJson.quote(n.node().httpAddress()))
                    .append(",\"httpScheme\":").append(GoJson.quote(n.httpScheme())).append(",\"tcpAddr\":").append(GoJson.quote(n.node().tcpAddress()))
                    .append(",\"version\":").append(GoJson.quote(n.version())).append('}');
        }
        return b.append(']').toString();
    }
}
