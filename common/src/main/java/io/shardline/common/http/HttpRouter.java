package io.shardline.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Maps (method, exact path) to handlers. Ordinary routes get the whole body (read here, within
 * the server's limit: a larger body is answered 413, one that breaks off 400); streaming routes
 * read it themselves.
 * Unknown paths get Go's {@code 404 page not found}; a known path with another method gets 405.
 * Built once before the server starts, then read-only.
 */
public final class HttpRouter implements StreamingHttpHandler {

    private final Map<String, Map<String, StreamingHttpHandler>> routes = new HashMap<>();
    private final Set<String> inline = new HashSet<>();

    /** Registers {@code handler}, which receives the whole body, for {@code path} under the methods. */
    public HttpRouter route(Set<String> methods, String path, HttpHandler handler) {
        return stream(methods, path, (head, body) -> {
            byte[] whole;
            try {
                whole = body.readAllBytes();
            } catch (BodyTooLargeException e) {
                throw e;
            } catch (IOException e) {
                return HttpResult.error(400, e.getMessage());
            }
            return handler.handle(head.withBody(whole));
        });
    }

    /**
     * Registers {@code handler} for {@code path} as a route answered on the event loop (see
     * {@link StreamingHttpHandler#runsInline}); it must never block.
     */
    public HttpRouter routeInline(Set<String> methods, String path, HttpHandler handler) {
        route(methods, path, handler);
        for (String m : methods) {
            inline.add(m + " " + path);
        }
        return this;
    }

    @Override
    public boolean runsInline(HttpRequestView head) {
        return inline.contains(head.method() + " " + head.path());
    }

    /** Registers {@code handler}, which reads the body as it arrives, for {@code path} under the methods. */
    public HttpRouter stream(Set<String> methods, String path, StreamingHttpHandler handler) {
        Map<String, StreamingHttpHandler> byMethod = routes.computeIfAbsent(path, p -> new HashMap<>());
        for (String m : methods) {
            if (byMethod.putIfAbsent(m, handler) != null) {
                throw new IllegalArgumentException("duplicate route " + m + " " + path);
            }
        }
        return this;
    }

    @Override
    public HttpResult handle(HttpRequestView request, InputStream body) throws Exception {
        Map<String, StreamingHttpHandler> byMethod = routes.get(request.path());
        if (byMethod == null) {
            return HttpResult.text(404, "404 page not found\n");
        }
        StreamingHttpHandler handler = byMethod.get(request.method());
        if (handler == null) {
            return HttpResult.text(405, "405 method not allowed\n")
                    .withHeader("Allow", String.join(", ", byMethod.keySet()));
        }
        try {
            return handler.handle(request, body);
        } catch (BodyTooLargeException e) {
            return HttpResult.text(413, "Request Entity Too Large\n");
        }
    }
}
