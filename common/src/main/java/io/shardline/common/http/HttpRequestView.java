package io.shardline.common.http;

import io.netty.handler.codec.http.HttpRequest;
import io.shardline.common.auth.Principal;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of a received request: method, path, query parameters, headers and, for
 * routes that do not stream, the body, the request id and the authenticated user. Safe to use from any thread.
 */
public final class HttpRequestView {

    private final String method;
    private final String path;
    private final Map<String, List<String>> params;
    private final io.netty.handler.codec.http.HttpHeaders headers;
    private final byte[] body;
    private final String requestId;
    private final Principal principal;
    private final String uri;
    private final String protocol;
    private final String remoteHost;

    /**
     * @param path the request's path, unescaped ({@link #pathOf})
     * @param requestId the id the server gave this request (the client's {@code X-Request-Id} or
     *     {@code Request-Id}, else a new one)
     */
    HttpRequestView(HttpRequest request, String path, String requestId) {
        this(request, path, requestId, null);
    }

    /** @param remote the client's address (null when unknown) */
    HttpRequestView(HttpRequest request, String path, String requestId, SocketAddress remote) {
        String uri = request.uri();
        int q = uri.indexOf('?');
        this.method = request.method().name();
        this.path = path;
        this.params = GoQuery.parse(q < 0 ? "" : uri.substring(q + 1));
        this.headers = request.headers().copy();
        this.body = new byte[0];
        this.requestId = requestId;
        this.principal = null;
        this.uri = uri;
        this.protocol = request.protocolVersion().text();
        this.remoteHost = remote instanceof InetSocketAddress inet ? inet.getAddress() == null ? inet.getHostString()
                : inet.getAddress().getHostAddress() : "";
    }

    private HttpRequestView(HttpRequestView head, byte[] body, Principal principal) {
        this.method = head.method;
        this.path = head.path;
        this.params = head.params;
        this.headers = head.headers;
        this.body = body;
        this.requestId = head.requestId;
        this.principal = principal;
        this.uri = head.uri;
        this.protocol = head.protocol;
        this.remoteHost = head.remoteHost;
    }

    /**
     * A request as the server would build it from {@code method} and {@code uri} with the given
     * headers and body (for calling handlers directly, in tests and tools).
     */
    public static HttpRequestView of(String method, String uri, Map<String, String> headers, byte[] body) {
        io.netty.handler.codec.http.DefaultHttpRequest request = new io.netty.handler.codec.http.DefaultHttpRequest(
                io.netty.handler.codec.http.HttpVersion.HTTP_1_1, io.netty.handler.codec.http.HttpMethod.valueOf(method),
                uri);
        headers.forEach((k, v) -> request.headers().add(k, v));
        String path = pathOf(uri);
        return new HttpRequestView(request, path == null ? uri : path, "test").withBody(body);
    }

    /**
     * The unescaped path of a request target ({@code /write?db=x} gives {@code /write}; an absolute
     * URI gives its path), or null when it has a bad escape (Go answers such a request 400).
     */
    static String pathOf(String uri) {
        int q = uri.indexOf('?');
        String raw = q < 0 ? uri : uri.substring(0, q);
        int scheme = raw.indexOf("://");
        if (scheme > 0) {
            int slash = raw.indexOf('/', scheme + 3);
            raw = slash < 0 ? "/" : raw.substring(slash);
        }
        return GoQuery.unescapePath(raw);
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

    /** The request target as received (path and raw query string). */
    public String uri() {
        return uri;
    }

    /** The protocol version, e.g. {@code HTTP/1.1}. */
    public String protocol() {
        return protocol;
    }

    /** The client's IP address ({@code 127.0.0.1}), or empty when unknown. */
    public String remoteHost() {
        return remoteHost;
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

    /** The request id, echoed in {@code Request-Id} and {@code X-Request-Id} and named in log lines. */
    public String requestId() {
        return requestId;
    }

    /** The body of a non-streaming route (empty for streaming routes, which read a stream instead). */
    public byte[] body() {
        return body;
    }
}
