package io.shardline.datanode.http;

import io.shardline.common.ShardlineVersion;
import io.shardline.common.http.HttpRequestView;
import io.shardline.common.http.HttpResult;
import io.shardline.common.http.StreamingHttpHandler;
import io.shardline.common.time.Clock;
import java.io.InputStream;

/**
 * Adds the headers InfluxDB puts on every response: {@code X-Influxdb-Version},
 * {@code X-Influxdb-Build}, and the request id echoed as {@code Request-Id} and
 * {@code X-Request-Id} (taken from the request's {@code X-Request-Id}, else {@code Request-Id},
 * else a new time-based UUID). Stateless apart from the id generator; thread-safe.
 */
final class InfluxHeaders implements StreamingHttpHandler {

    private final StreamingHttpHandler delegate;
    private final TimeUuids ids;

    InfluxHeaders(StreamingHttpHandler delegate, Clock clock) {
        this.delegate = delegate;
        this.ids = new TimeUuids(clock);
    }

    @Override
    public HttpResult handle(HttpRequestView request, InputStream body) throws Exception {
        String requestId = request.header("X-Request-Id");
        if (requestId == null || requestId.isEmpty()) {
            requestId = request.header("Request-Id");
        }
        if (requestId == null || requestId.isEmpty()) {
            requestId = ids.next().toString();
        }
        return delegate.handle(request, body)
                .withHeader("Request-Id", requestId)
                .withHeader("X-Request-Id", requestId)
                .withHeader("X-Influxdb-Build", ShardlineVersion.influxBuildHeader())
                .withHeader("X-Influxdb-Version", ShardlineVersion.influxVersionHeader());
    }
}
