package io.shardline.common.http;

import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
    private final String uri;
    private final String protocol;
    private final String remoteHost;

    HttpRequestView(HttpRequest request) {
        this(request, null);
    }

    HttpRequestView(HttpRequest request, SocketAddress remote) {
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8);
        this.method = request.method().name();
        this.path = decoder.path();
        this.params = decoder.parameters();
        this.headers = request.headers().copy();
        this.body = new byte[0];
        this.uri = request.uri();
        this.protocol = request.protocolVersion().text();
        this.remoteHost = remote instanceof InetSocketAddress inet ? inet.getAddress() == null ? inet.getHostString()
                : inet.getAddress().getHostAddress() : "";
    }

    private HttpRequestView(HttpRequestView head, byte[] body) {
        this.method = head.method;
        this.path = head.path;
        this.params = head.params;
        this.headers = head.headers;
        this.body = body;
        this.uri = head.uri;
        this.protocol = head.protocol;
        this.remoteHost = head.remoteHost;
    }

    /** The same request with its body read. */
    HttpRequestView withBody(byte[] newBody) {
        return new HttpRequestView(this, newBody);
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

    /** The body of a non-streaming route (empty for streaming routes, which read a stream instead). */
    public byte[] body() {
        return body;
    }
}
