package io.shardline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcCredentials;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.common.time.Clock;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.client.MetaClientSettings;
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import io.shardline.proto.meta.MetaServiceGrpc;
import io.shardline.proto.meta.NodeStatusRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code [meta] auth-enabled} with an internal shared secret on meta and data nodes: the cluster works
 * (registration, the watch, replication between data nodes), while a caller without a token or with one
 * signed by another secret gets {@code UNAUTHENTICATED} with the refusal text, on the MetaService and on
 * a data node's service alike; an admin user's Basic credentials pass (shardline-ctl).
 */
class InternalAuthClusterTest {

    private static ShardlineCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ShardlineCluster.start(1, Map.of("auth-enabled", "true", "internal-shared-secret", "\"inner\""), 2,
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
}
