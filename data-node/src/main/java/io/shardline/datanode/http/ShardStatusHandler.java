package io.shardline.datanode.http;

import io.shardline.common.http.HttpHandler;
import io.shardline.common.http.HttpRequestView;
import io.shardline.common.http.HttpResult;
import io.shardline.common.json.GoJson;
import io.shardline.common.time.Clock;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStats;
import io.shardline.storage.ShardStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /shard-status}: this node's shards grouped by database and retention policy, as
 * InfluxDB Enterprise answers it ({@code id}, {@code size}, {@code is_hot}, {@code state}), plus
 * Shardline's {@code points} (the shard's point count) so replicas can be compared. A shard is hot
 * while it was written within the last {@code hotWindow}. Thread-safe.
 */
public final class ShardStatusHandler implements HttpHandler {

    private final ShardEngine engine;
    private final Supplier<ClusterView> view;
    private final Clock clock;
    private final Duration hotWindow;

    public ShardStatusHandler(ShardEngine engine, Supplier<ClusterView> view, Clock clock, Duration hotWindow) {
        this.engine = engine;
        this.view = view;
        this.clock = clock;
        this.hotWindow = hotWindow;
    }

    @Override
    public HttpResult handle(HttpRequestView request) {
        Map<String, Map<String, List<ShardStatus>>> byDb = new TreeMap<>();
        for (ShardStatus s : engine.shards()) {
            byDb.computeIfAbsent(s.id().database(), d -> new TreeMap<>())
                    .computeIfAbsent(s.id().retentionPolicy(), r -> new java.util.ArrayList<>()).add(s);
        }
        StringBuilder b = new StringBuilder("{\"databases\":[");
        boolean firstDb = true;
        for (var db : byDb.entrySet()) {
            b.append(firstDb ? "" : ",").append("{\"name\":").append(GoJson.quote(db.getKey()))
                    .append(",\"retention_policies\":[");
            boolean firstRp = true;
            for (var rp : db.getValue().entrySet()) {
                int rf = view.get().metadata().retentionPolicy(db.getKey(), rp.getKey()).map(RetentionPolicyInfo::replicaN)
                        .orElse(0);
                b.append(firstRp ? "" : ",").append("{\"name\":").append(GoJson.quote(rp.getKey()))
                        .append(",\"replication_factor\":").append(rf).append(",\"shards\":[");
                rp.getValue().sort((x, y) -> Long.compare(x.id().id(), y.id().id()));
                for (int i = 0; i < rp.getValue().size(); i++) {
                    b.append(i == 0 ? "" : ",");
                    appendShard(b, rp.getValue().get(i));
                }
                b.append("]}");
                firstRp = false;
            }
            b.append("]}");
            firstDb = false;
        }
        return HttpResult.json(200, b.append("]}\n").toString());
    }

    private void appendShard(StringBuilder b, ShardStatus status) {
        ShardId id = status.id();
        Optional<ShardStats> stats = status.open() ? engine.get(id).map(s -> s.stats()) : Optional.empty();
        b.append("{\"id\":").append(id.id());
        if (stats.isPresent()) {
            boolean hot = clock.wallNanos() - stats.get().lastModifiedNanos() < hotWindow.toNanos();
            b.append(",\"size\":").append(stats.get().sizeBytes()).append(",\"is_hot\":").append(hot)
                    .append(",\"state\":\"healthy\",\"points\":").append(stats.get().pointCount());
        } else {
            b.append(",\"state\":\"error processing\",\"error\":").append(GoJson.quote(String.valueOf(status.error())));
        }
        b.append('}');
    }
}
