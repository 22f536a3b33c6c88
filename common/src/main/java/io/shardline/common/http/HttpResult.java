package io.shardline.common.http;

import io.shardline.common.json.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, extra headers, content type and body. Immutable. */
public record HttpResult(int status, String contentType, byte[] body, Map<String, String> headers) {

    public HttpResult {
        headers = Map.copyOf(headers);
    }

    /** 204 with no body. */
    public static HttpResult noContent() {
        return new HttpResult(204, null, new byte[0], Map.of());
    }

    /** A JSON body (the caller provides valid JSON) with the given status. */
    public static HttpResult json(int status, String json) {
        return json(status, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON body already encoded as UTF-8 (the caller provides valid JSON) with the given status. */
    public static HttpResult json(int status, byte[] json) {
        return new HttpResult(status, "application/json", json, Map.of());
    }

    /**
     * InfluxDB's error answer ({@code httpError}): body {@code {"error":"<message>"}} and a newline,
     * and the message's first 1024 bytes in {@code X-InfluxDB-Error}.
     */
    public static HttpResult error(int status, String message) {
        return json(status, GoJson.errorBody(message) + "\n")
                .withHeader("X-InfluxDB-Error", GoHeaders.truncateUtf8(message, 1024));
    }

    /** A plain-text body with the given status. */
    public static HttpResult text(int status, String text) {
        return new HttpResult(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A copy with one more header. */
    public HttpResult withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResult(status, contentType, body, copy);
    }
}
