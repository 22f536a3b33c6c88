package io.shardline.datanode.http;

import io.shardline.common.ShardlineVersion;
import io.shardline.common.http.HttpHandler;
import io.shardline.common.http.HttpRequestView;
import io.shardline.common.http.HttpResult;
import io.shardline.common.http.HttpRouter;
import io.shardline.common.http.StreamingHttpHandler;
import io.shardline.common.json.GoJson;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The data node's public HTTP API, InfluxDB 1.x compatible. Routes are registered once; every
 * response carries {@link #responseHeaders()} and the request id, which the HTTP server adds.
 * Thread-safe.
 */
public final class DataNodeHttpApi {

    private final HttpRouter router = new HttpRouter();
    private final StreamingHttpHandler handler;

    public DataNodeHttpApi() {
        this(UnaryOperator.identity());
    }

    /** @param authentication wraps the router (the {@code [http] auth-enabled} filter, or identity) */
    public DataNodeHttpApi(UnaryOperator<StreamingHttpHandler> authentication) {
        // answered on the event loop: a node whose workers are all busy still answers /ping
        router.routeInline(Set.of("GET", "HEAD"), "/ping", DataNodeHttpApi::ping);
        router.routeInline(Set.of("GET", "HEAD"), "/health", request -> health());
        this.handler = authentication.apply(router);
    }

    /** The handler to give the HTTP server. */
    public StreamingHttpHandler handler() {
        return handler;
    }

    /**
     * The headers InfluxDB puts on every response: {@code X-Influxdb-Version} and
     * {@code X-Influxdb-Build} (the server also echoes the request id, like InfluxDB).
     */
    public static Map<String, String> responseHeaders() {
        return Map.of("X-Influxdb-Build", ShardlineVersion.influxBuildHeader(),
                "X-Influxdb-Version", ShardlineVersion.influxVersionHeader());
    }

    /** Adds a route; only while the node is being wired, before the server starts. */
    public DataNodeHttpApi route(Set<String> methods, String path, HttpHandler routeHandler) {
        router.route(methods, path, routeHandler);
        return this;
    }

    /** Adds a route that reads its body as a stream; only before the server starts. */
    public DataNodeHttpApi stream(Set<String> methods, String path, StreamingHttpHandler routeHandler) {
        router.stream(methods, path, routeHandler);
        return this;
    }

    private static HttpResult ping(HttpRequestView request) {
        if ("true".equals(request.param("verbose")) || "1".equals(request.param("verbose"))) {
            return HttpResult.json(200, "{\"version\":" + GoJson.quote(ShardlineVersion.influxVersionHeader()) + "}\n");
        }
        return HttpResult.noContent();
    }

    private static HttpResult health() {
        return HttpResult.json(200, "{\"checks\":[],\"message\":\"ready for queries and writes\",\"name\":\"influxdb\","
                + "\"status\":\"pass\",\"version\":" + GoJson.quote(ShardlineVersion.influxVersionHeader()) + "}\n");
    }
}
