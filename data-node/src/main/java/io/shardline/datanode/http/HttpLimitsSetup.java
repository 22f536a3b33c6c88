package io.shardline.datanode.http;

import io.shardline.common.http.HttpLimits;
import io.shardline.common.http.WriteThrottle;
import io.shardline.common.time.Clock;
import io.shardline.config.data.HttpConfig;
import io.shardline.config.data.HttpLimitsConfig;

/** Maps the {@code [http]} section onto the shared HTTP server's limits and write throttle. Stateless. */
public final class HttpLimitsSetup {

    private HttpLimitsSetup() {
    }

    /** The server limits of {@code [http]}; request bodies in progress may hold an eighth of the heap. */
    public static HttpLimits limits(HttpConfig http) {
        HttpLimitsConfig l = http.limits();
        return new HttpLimits(http.maxBodySize(), l.maxConnectionLimit(), l.maxConcurrentRequests(),
                l.maxQueuedRequests(), HttpLimits.defaultInflightBodyBytes(), l.readHeaderTimeout(), l.readTimeout(),
                l.idleTimeout());
    }

    /** 1.x's write throttle ({@code max-concurrent-write-limit} and friends) for {@code /write}. */
    public static WriteThrottle writeThrottle(HttpConfig http, Clock clock) {
        HttpLimitsConfig l = http.limits();
        return new WriteThrottle(l.maxConcurrentWriteLimit(), l.maxEnqueuedWriteLimit(), l.enqueuedWriteTimeout(),
                "http", clock);
    }
}
