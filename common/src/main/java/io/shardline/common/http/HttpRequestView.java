package io.shardline.common.http;

import io.netty.handler.codec.http.HttpRequest;
import io.shardline.common.auth.Principal;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of a received request: method, path, query parameters, headers and, for
 * routes that do not stream, the body. Safe to use from any thread.
 */
public final class HttpRequestView {

    private final String method;
    private final String path;
    private final Map<String, List<String>> params;
    private final io.netty.handler.codec.http.HttpHeaders headers;
    private final byte[] body;
    private final Principal principal;

    HttpRequestView(HttpRequest request) {
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8);
        this.method = request.method().name();
        this.path = decoder.path();
        this.params = decoder.parameters();
        this.headers = request.headers().copy();
        this.body = new byte[0];
        this.principal = null;
    }

    private HttpRequestView(HttpRequestView head, byte[] body, Principal principal) {
        this.method = head.method;
        this.path = head.path;
        this.params = head.params;
        this.headers = head.headers;
        this.body = body;
        this.principal = principal;
    }

    /** The same request with its body read. */
    HttpRequestView withBody(byte[] newBody) {
        return new HttpRequestView(this, newBody, principal);
    }

    /** The same request made by {@code user} (set by the authentication filter). */
    public HttpRequestView withPrincipal(Principal user) {
        return new HttpRequestView(this, body, user);
    }

    /** The authenticated user; empty when authentication is off or no admin exists yet. */
    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The first value of a query parameter, or null when absent. */
    public String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> params() {
        return params;
    }

    /** A request header (case-insensitive name), or null when absent. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The body of a non-streaming route (empty for streaming routes, which read a stream instead). */
    public byte[] body() {
        return body;
    }
}
