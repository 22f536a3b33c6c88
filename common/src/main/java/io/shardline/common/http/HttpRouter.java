package io.shardline.common.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Maps (method, exact path) to handlers. Unknown paths get Go's {@code 404 page not found}; a
 * known path with another method gets 405. Built once before the server starts, then read-only.
 */
public final class HttpRouter implements HttpHandler {

    private final Map<String, Map<String, HttpHandler>> routes = new HashMap<>();

    /** Registers {@code handler} for {@code path} under each of the given methods. */
    public HttpRouter route(Set<String> methods, String path, HttpHandler handler) {
        Map<String, HttpHandler> byMethod = routes.computeIfAbsent(path, p -> new HashMap<>());
        for (String m : methods) {
            if (byMethod.putIfAbsent(m, handler) != null) {
                throw new IllegalArgumentException("duplicate route " + m + " " + path);
            }
        }
        return this;
    }

    @Override
    public HttpResult handle(HttpRequestView request) throws Exception {
        Map<String, HttpHandler> byMethod = routes.get(request.path());
        if (byMethod == null) {
            return HttpResult.text(404, "404 page not found\n");
        }
        HttpHandler handler = byMethod.get(request.method());
        if (handler == null) {
            return HttpResult.text(405, "405 method not allowed\n")
                    .withHeader("Allow", String.join(", ", byMethod.keySet()));
        }
        return handler.handle(request);
    }
}
