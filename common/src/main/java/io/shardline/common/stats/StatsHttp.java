package io.shardline.common.stats;

import io.shardline.common.http.HttpHandler;
import io.shardline.common.http.HttpRouter;
import io.shardline.common.http.HttpResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The two HTTP views of a node's statistics, served by data and meta nodes alike:
 * {@code GET /debug/vars} (1.x's expvar document) and {@code GET /metrics} (Prometheus text format).
 * Both read the registry on each request; a component closing meanwhile only drops its values.
 * Thread-safe.
 */
public final class StatsHttp {

    private final StatsRegistry registry;
    private final NodeRuntime runtime;
    private final PrometheusMetrics prometheus;

    public StatsHttp(StatsRegistry registry, NodeRuntime runtime) {
        this.registry = registry;
        this.runtime = runtime;
        this.prometheus = new PrometheusMetrics(registry);
    }

    /** Adds {@code /debug/vars} and {@code /metrics} to {@code router}. */
    public void routes(HttpRouter router) {
        router.route(Set.of("GET"), "/debug/vars", debugVars());
        router.route(Set.of("GET"), "/metrics", metrics());
    }

    public HttpHandler debugVars() {
        return request -> new HttpResult(200, "application/json; charset=utf-8",
                DebugVars.render(registry, runtime).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public HttpHandler metrics() {
        return request -> new HttpResult(200, PrometheusMetrics.CONTENT_TYPE, prometheus.scrape(), Map.of());
    }
}
