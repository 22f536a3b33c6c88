package io.shardline.meta.http;

import io.shardline.common.http.StreamingHttpHandler;
import io.shardline.common.http.HttpResult;
import io.shardline.common.http.HttpRouter;
import io.shardline.common.json.GoJson;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The meta node's plain-HTTP status port: {@code /ping} (204) and {@code /status} with the JSON
 * InfluxDB Enterprise's {@code /status} answers ({@code nodeType}, {@code leader}, {@code httpAddr},
 * {@code raftAddr}, {@code peers}). Thread-safe; reads the Raft view through a supplier.
 */
public final class MetaStatusApi {

    /** What {@code /status} reports; {@code peers} is null for a node that has not joined a cluster. */
    public record Status(String leader, String httpAddr, String raftAddr, List<String> peers) {
    }

    private final HttpRouter router = new HttpRouter();

    public MetaStatusApi(Supplier<Status> status) {
        router.route(Set.of("GET", "HEAD"), "/ping", r -> HttpResult.noContent());
        router.route(Set.of("GET"), "/status", r -> HttpResult.json(200, toJson(status.get()) + "\n"));
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
}
