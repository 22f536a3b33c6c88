package io.shardline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.auth.JwtTokens;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcCredentials;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.common.time.Clock;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.client.MetaClientSettings;
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import io.shardline.proto.meta.MetaServiceGrpc;
import io.shardline.proto.meta.NodeStatusRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code [meta] auth-enabled} with an internal shared secret on meta and data nodes: the cluster works
 * (registration, the watch, replication between data nodes), while a caller without a token or with one
 * signed by another secret gets {@code UNAUTHENTICATED} with the refusal text, on the MetaService and on
 * a data node's service alike; an admin user's Basic credentials pass (shardline-ctl). The meta node's
 * status port answers {@code /ping} to anyone and, once an admin exists, everything else only to an admin
 * (Basic or a JWT signed with {@code [meta] shared-secret}).
 */
class InternalAuthClusterTest {

    private static ShardlineCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ShardlineCluster.start(1, Map.of("auth-enabled", "true", "internal-shared-secret", "\"inner\"",
                "shared-secret", "\"outer\""), 2,
                Map.of("meta.meta-auth-enabled", "true", "meta.meta-internal-shared-secret", "\"inner\""));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static MetaClient client(List<io.grpc.ClientInterceptor> credentials) {
        return new MetaClient(MetaClientSettings.of(cluster.meta().apiAddresses(), null).withWatch(false)
                .withOperationTimeout(Duration.ofSeconds(3)), credentials).start();
    }

    @Test
    void nodesTalkWithTokensAndStrangersAreRefused() {
        assertThat(cluster.query(cluster.data(0), "", "CREATE DATABASE db WITH REPLICATION 2").status()).isEqualTo(200);
        cluster.awaitViewsConverged();
        assertThat(cluster.write(cluster.data(0), "db", "all", "m v=1").status()).isEqualTo(204);
        assertThat(cluster.query(cluster.data(1), "db", "SELECT v FROM m").body()).contains("[[");

        try (MetaClient anonymous = client(List.of())) {
            assertThatThrownBy(anonymous::metadata).isInstanceOf(ShardlineException.class)
                    .hasMessage("unable to parse authentication credentials")
                    .satisfies(e -> assertThat(((ShardlineException) e).code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        }
        try (MetaClient wrong = client(List.of(RpcCredentials.internalToken("intruder", "guess", Clock.system())))) {
            assertThatThrownBy(wrong::metadata).hasMessage("signature is invalid");
        }
        try (MetaClient right = client(List.of(RpcCredentials.internalToken("ctl", "inner", Clock.system())))) {
            assertThat(right.metadata().database("db")).isPresent();
        }
        ManagedChannel channel = NettyChannelBuilder.forTarget(cluster.data(1).tcpAddress()).usePlaintext().build();
        try {
            assertThatThrownBy(() -> DataNodeServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS)
                    .copyShardStatus(io.shardline.proto.datanode.CopyShardStatusRequest.getDefaultInstance()))
                    .satisfies(e -> assertThat(RpcErrors.fromStatus(e).code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void anAdminUsersBasicCredentialsPass() {
        cluster.query(cluster.data(0), "", "CREATE USER boss WITH PASSWORD 'b' WITH ALL PRIVILEGES; "
                + "CREATE USER peon WITH PASSWORD 'p'");
        cluster.awaitViewsConverged();
        ManagedChannel channel = NettyChannelBuilder.forTarget(cluster.meta().apiAddresses().get(0)).usePlaintext()
                .build();
        try {
            MetaServiceGrpc.MetaServiceBlockingStub stub = MetaServiceGrpc.newBlockingStub(channel);
            assertThat(stub.withInterceptors(RpcCredentials.basic("boss", "b"))
                    .getNodeStatus(NodeStatusRequest.getDefaultInstance()).getHttpAddress()).isNotEmpty();
            assertThatThrownBy(() -> stub.withInterceptors(RpcCredentials.basic("peon", "p"))
                    .getNodeStatus(NodeStatusRequest.getDefaultInstance()))
                    .satisfies(e -> assertThat(RpcErrors.fromStatus(e).getMessage()).isEqualTo("authorization failed"));
            assertThatThrownBy(() -> stub.withInterceptors(RpcCredentials.basic("boss", "x"))
                    .getNodeStatus(NodeStatusRequest.getDefaultInstance()))
                    .satisfies(e -> assertThat(RpcErrors.fromStatus(e).getMessage()).isEqualTo("authorization failed"));
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void theMetaStatusPortServesOnlyAdminsOnceOneExists() throws Exception {
        cluster.query(cluster.data(0), "", "CREATE USER ops WITH PASSWORD 'o' WITH ALL PRIVILEGES; "
                + "CREATE USER viewer WITH PASSWORD 'v'");
        cluster.awaitViewsConverged();
        String url = cluster.meta().node(0).statusUrl();
        assertThat(status(url + "/ping", null).statusCode()).isEqualTo(204);
        HttpResponse<String> anonymous = status(url + "/status", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"error\":\"unable to parse authentication credentials\"}\n");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"InfluxDB\"");
        assertThat(status(url + "/show-cluster", basic("ops", "wrong")).statusCode()).isEqualTo(401);
        HttpResponse<String> viewer = status(url + "/raft", basic("viewer", "v"));
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(viewer.body()).isEqualTo("{\"error\":\"error authorizing admin access\"}\n");
        assertThat(status(url + "/status", basic("ops", "o")).body()).startsWith("{\"nodeType\":\"meta\"");
        String token = JwtTokens.sign("ops", System.currentTimeMillis() / 1000, Duration.ofMinutes(1),
                "outer".getBytes(StandardCharsets.UTF_8));
        assertThat(status(url + "/debug/vars", "Bearer " + token).statusCode()).isEqualTo(200);
        String forged = JwtTokens.sign("ops", System.currentTimeMillis() / 1000, Duration.ofMinutes(1),
                "inner".getBytes(StandardCharsets.UTF_8));
        assertThat(status(url + "/metrics", "Bearer " + forged).body()).contains("signature is invalid");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> status(String url, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
