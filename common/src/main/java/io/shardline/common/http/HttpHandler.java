package io.shardline.common.http;

/**
 * Handles one HTTP request. Called on a worker thread of the {@link HttpServer} (never on a Netty
 * event loop), so it may block. Throwing yields a 500 with the exception text in InfluxDB's
 * JSON error shape.
 */
@FunctionalInterface
public interface HttpHandler {

    HttpResult handle(HttpRequestView request) throws Exception;
}
