package io.shardline.datanode.http;

import io.shardline.common.ShardlineVersion;
import io.shardline.common.http.HttpHandler;
import io.shardline.common.http.HttpRequestView;
import io.shardline.common.http.HttpResult;
import io.shardline.common.http.HttpRouter;
import io.shardline.common.http.StreamingHttpHandler;
import io.shardline.common.json.GoJson;
import io.shardline.common.time.Clock;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The data node's public HTTP API, InfluxDB 1.x compatible. Routes are registered once; every
 * response carries InfluxDB's version and request-id headers. Thread-safe.
 */
public final class DataNodeHttpApi {

    private final HttpRouter router = new HttpRouter();
    private final StreamingHttpHandler handler;

    public DataNodeHttpApi(Clock clock) {
        this(clock, UnaryOperator.identity());
    }

    /** @param authentication wraps the router (the {@code [http] auth-enabled} filter, or identity) */
    public DataNodeHttpApi(Clock clock, UnaryOperator<StreamingHttpHandler> authentication) {
        router.route(Set.of("GET", "HEAD"), "/ping", DataNodeHttpApi::ping);
        router.route(Set.of("GET", "HEAD"), "/health", request -> health());
        this.handler = new InfluxHeaders(authentication.apply(router), clock);
    }

    /** The handler to give the HTTP server. */
    public StreamingHttpHandler handler() {
        return handler;
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
