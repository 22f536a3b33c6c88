package io.shardline.testkit;

import static io.shardline.testkit.TlsFixture.literal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.shardline.common.rpc.GrpcChannels;
import io.shardline.common.rpc.GrpcTls;
import io.shardline.common.tls.TlsMaterial;
import io.shardline.common.tls.TlsOptions;
import io.shardline.meta.ratis.RaftIds;
import io.shardline.meta.ratis.RaftSettings;
import io.shardline.proto.datanode.CopyShardStatusRequest;
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import io.shardline.proto.meta.MetaServiceGrpc;
import io.shardline.proto.meta.NodeStatusRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcFactory;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.util.TimeDuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cluster with TLS everywhere: HTTPS on the data nodes' API, TLS on the data nodes' gRPC service and
 * the MetaService, mutual TLS on Raft between three meta nodes, all certificates from one CA. Writes
 * replicate and reads cross nodes over TLS; a client trusting another CA, a plaintext client, and a
 * Raft client with no or a foreign certificate are refused.
 */
class TlsClusterTest {

    private static Path dir;
    private static TlsFixture tls;
    private static TlsFixture foreign;
    private static ShardlineCluster cluster;
    private static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("tls-cluster");
        tls = TlsFixture.create(dir.resolve("good"), "shardline test CA");
        foreign = TlsFixture.create(dir.resolve("foreign"), "another CA");
        cluster = ShardlineCluster.start(3, Map.of("https-enabled", "true", "https-certificate", literal(tls.certificate()),
                        "https-private-key", literal(tls.key()), "tls.ca-certificate", literal(tls.ca())), 2,
                Map.of("cluster.https-enabled", "true", "cluster.https-certificate", literal(tls.certificate()),
                        "cluster.https-private-key", literal(tls.key()), "meta.meta-tls-enabled", "true",
                        "http.https-enabled", "true", "http.https-certificate", literal(tls.certificate()),
                        "http.https-private-key", literal(tls.key()), "tls.ca-certificate", literal(tls.ca())));
        SSLContext ssl = SSLContext.getInstance("TLS");
        TlsMaterial client = TlsMaterial.client(false, TlsOptions.DEFAULT.withCaCertificate(tls.ca()));
        ssl.init(null, client.trustManagers().getTrustManagers(), null);
        https = HttpClient.newBuilder().sslContext(ssl).build();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static HttpResponse<String> post(DataNodeSlot node, String pathAndQuery, String body) throws Exception {
        URI uri = URI.create(node.url().replace("http://", "https://") + pathAndQuery);
        return https.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void writesReplicateAndQueriesCrossNodesOverTls() throws Exception {
        assertThat(post(cluster.data(0), "/query?q=CREATE+DATABASE+db+WITH+REPLICATION+2", "").statusCode())
                .isEqualTo(200);
        cluster.awaitViewsConverged();
        assertThat(post(cluster.data(0), "/write?db=db&consistency=all", "m v=1 1000000000").statusCode())
                .isEqualTo(204);
        assertThat(post(cluster.data(1), "/query?db=db&q=SELECT+v+FROM+m", "").body())
                .isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"m\",\"columns\":[\"time\",\"v\"],"
                        + "\"values\":[[\"1970-01-01T00:00:01Z\",1]]}]}]}\n");
    }

    @Test
    void plaintextToTheHttpsApiGetsGosAnswer() {
        ShardlineCluster.Response r = cluster.get(cluster.data(0), "/ping");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("Client sent an HTTP request to an HTTPS server.\n");
    }

    @Test
    void theMetaStatusPortIsHttpsToo() throws Exception {
        String url = cluster.meta().node(0).statusUrl().replace("http://", "https://");
        assertThat(https.send(HttpRequest.newBuilder(URI.create(url + "/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).startsWith("{\"nodeType\":\"meta\"");
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(cluster.meta().node(0).statusUrl() + "/ping")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).isEqualTo("Client sent an HTTP request to an HTTPS server.\n");
        // every node announces that its API is HTTPS, and /show-cluster says so (as Enterprise's httpScheme)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                https.send(HttpRequest.newBuilder(URI.create(url + "/show-cluster")).build(),
                        HttpResponse.BodyHandlers.ofString()).body())
                .doesNotContain("\"httpScheme\":\"http\"").contains("\"httpScheme\":\"https\""));
    }

    @Test
    void grpcClientsTrustingAnotherCaOrNoTlsAreRefused() {
        TlsMaterial wrongTrust = TlsMaterial.client(false, TlsOptions.DEFAULT.withCaCertificate(foreign.ca()));
        assertUnavailable(metaCall(GrpcTls.client(wrongTrust)));
        assertUnavailable(metaCall(null));
        assertUnavailable(dataCall(GrpcTls.client(wrongTrust)));
        assertUnavailable(dataCall(null));
        TlsMaterial rightTrust = TlsMaterial.client(false, TlsOptions.DEFAULT.withCaCertificate(tls.ca()));
        assertThat(metaCall(GrpcTls.client(rightTrust))).isNull();
    }

    @Test
    void raftRefusesClientsWithoutATrustedCertificate() throws Exception {
        TlsMaterial own = TlsMaterial.identity(tls.certificate(), tls.key(), false,
                TlsOptions.DEFAULT.withCaCertificate(tls.ca()), "test");
        assertThat(raftRead(RaftSettings.parameters(own))).isNull();
        TlsMaterial stranger = TlsMaterial.identity(foreign.certificate(), foreign.key(), false,
                TlsOptions.DEFAULT.withCaCertificate(tls.ca()), "test");
        assertThat(raftRead(RaftSettings.parameters(stranger))).isNotNull();
        assertThat(raftRead(new Parameters())).isNotNull();
    }

    /** A status call on the first meta node; null when it answered, else the failure. */
    private static StatusRuntimeException metaCall(io.grpc.netty.shaded.io.netty.handler.ssl.SslContext context) {
        return call(cluster.meta().apiAddresses().get(0), context, c -> MetaServiceGrpc.newBlockingStub(c)
                .withDeadlineAfter(5, TimeUnit.SECONDS).getNodeStatus(NodeStatusRequest.getDefaultInstance()));
    }

    private static StatusRuntimeException dataCall(io.grpc.netty.shaded.io.netty.handler.ssl.SslContext context) {
        return call(cluster.data(1).tcpAddress(), context, c -> DataNodeServiceGrpc.newBlockingStub(c)
                .withDeadlineAfter(5, TimeUnit.SECONDS).copyShardStatus(CopyShardStatusRequest.getDefaultInstance()));
    }

    private static StatusRuntimeException call(String address, io.grpc.netty.shaded.io.netty.handler.ssl.SslContext context,
                                               java.util.function.Consumer<ManagedChannel> rpc) {
        ManagedChannel channel = GrpcChannels.open(address, context, List.of());
        try {
            rpc.accept(channel);
            return null;
        } catch (StatusRuntimeException e) {
            return e;
        } finally {
            channel.shutdownNow();
        }
    }

    private static void assertUnavailable(StatusRuntimeException e) {
        assertThat(e).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }

    /** A linearizable read through Ratis with these parameters; null when it succeeded, else the failure. */
    private static Exception raftRead(Parameters parameters) {
        RaftProperties p = new RaftProperties();
        RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
        RaftClientConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(2, TimeUnit.SECONDS));
        RaftGroup group = RaftGroup.valueOf(RaftIds.GROUP_ID, cluster.meta().nodes().get(0).node().raft().members());
        try (RaftClient client = RaftClient.newBuilder().setRaftGroup(group).setProperties(p).setParameters(parameters)
                .setClientRpc(new GrpcFactory(parameters).newRaftClientRpc(ClientId.randomId(), p))
                .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(2,
                        TimeDuration.valueOf(100, TimeUnit.MILLISECONDS))).build()) {
            byte[] query = io.shardline.proto.meta.MetaQuery.newBuilder().setVersion(1).build().toByteArray();
            var reply = client.io().sendReadOnly(org.apache.ratis.protocol.Message.valueOf(
                    org.apache.ratis.thirdparty.com.google.protobuf.ByteString.copyFrom(query)));
            return reply.isSuccess() ? null : reply.getException();
        } catch (IOException | RuntimeException e) {
            return e;
        }
    }
}
