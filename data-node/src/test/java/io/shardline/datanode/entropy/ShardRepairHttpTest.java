package io.shardline.datanode.entropy;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.http.HttpRequestView;
import io.shardline.common.http.HttpResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /shard-repair routes: status codes and bodies of the Enterprise API, errors through HttpErrors. */
class ShardRepairHttpTest {

    @TempDir
    Path dir;

    private static HttpRequestView request(String method, String uri) {
        return HttpRequestView.of(method, uri, java.util.Map.of(), new byte[0]);
    }

    private static String body(HttpResult r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void statusRepairAndCancel() throws Exception {
        SimEntropyCluster c = new SimEntropyCluster(SimEntropyCluster.config(Duration.ofSeconds(10), false, 1 << 20, 2),
                true, dir, Map.of(1L, List.of(4L, 5L)), Map.of(1L, "autogen"), 4, 5);
        ShardRepairHttp http = new ShardRepairHttp(() -> c.node(4).ae);
        HttpResult status = http.status().handle(request("GET", "/shard-repair/status?local=true"));
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.contentType()).isEqualTo("application/json");
        assertThat(body(status)).isEqualTo("{\"shards\":[],\"queued_shards\":[],\"processing_shards\":[]}\n");

        assertThat(http.repair().handle(request("POST", "/shard-repair/repair?id=1")).status()).isEqualTo(204);
        assertThat(body(http.status().handle(request("GET", "/shard-repair/status"))))
                .isEqualTo("{\"shards\":[],\"queued_shards\":[\"1\"],\"processing_shards\":[]}\n");
        assertThat(http.cancelRepair().handle(request("POST", "/shard-repair/cancel-repair?id=1&local=false")).status())
                .isEqualTo(204);
        assertThat(body(http.status().handle(request("GET", "/shard-repair/status"))))
                .isEqualTo("{\"shards\":[],\"queued_shards\":[],\"processing_shards\":[]}\n");
    }

    @Test
    void badRequestsUnknownShardsAndADisabledService() throws Exception {
        SimEntropyCluster c = new SimEntropyCluster(SimEntropyCluster.config(Duration.ofSeconds(10), false, 1 << 20, 2),
                true, dir, Map.of(1L, List.of(4L, 5L)), Map.of(1L, "autogen"), 4, 5);
        ShardRepairHttp http = new ShardRepairHttp(() -> c.node(4).ae);
        HttpResult missing = http.repair().handle(request("POST", "/shard-repair/repair"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(body(missing)).isEqualTo("{\"error\":\"missing required parameter \\\"id\\\"\"}\n");
        HttpResult nan = http.repair().handle(request("POST", "/shard-repair/repair?id=abc"));
        assertThat(nan.status()).isEqualTo(400);
        assertThat(body(nan)).contains("invalid shard id \\\"abc\\\"");
        assertThat(http.status().handle(request("GET", "/shard-repair/status?local=maybe")).status()).isEqualTo(400);
        HttpResult unknown = http.repair().handle(request("POST", "/shard-repair/repair?id=77"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(body(unknown)).isEqualTo("{\"error\":\"shard not found: 77\"}\n");
        ShardRepairHttp off = new ShardRepairHttp(() -> null);
        HttpResult disabled = off.status().handle(request("GET", "/shard-repair/status"));
        assertThat(disabled.status()).isEqualTo(500);
        assertThat(body(disabled)).contains("anti-entropy service is disabled");
        assertThat(disabled.headers()).containsKey("X-InfluxDB-Error");
    }
}
