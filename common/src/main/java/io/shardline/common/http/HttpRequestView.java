package io.shardline.common.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An immutable view of a received request: method, path, query parameters, headers and the body.
 * The body bytes are copied out of Netty's buffer, so the view may outlive the channel read.
 */
public final class HttpRequestView {

    private final String method;
    private final String path;
    private final Map<String, List<String>> params;
    private final io.netty.handler.codec.http.HttpHeaders headers;
    private final byte[] body;

    HttpRequestView(FullHttpRequest request) {
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8);
        this.method = request.method().name();
        this.path = decoder.path();
        this.params = decoder.parameters();
        this.headers = request.headers().copy();
        this.body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
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

    public byte[] body() {
        return body;
    }
}
