package io.shardline.ctl.datanode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.net.HostPort;
import io.shardline.common.rpc.GrpcServer;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.datanode.entropy.rpc.EntropyRpcServer;
import io.shardline.datanode.rpc.DataNodeRpcService;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.model.Hlc;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code entropy} on a cluster whose data nodes run without anti-entropy says so, whichever node is down. */
class EntropyClientTest {

    @Test
    void aDisabledServiceIsReportedEvenWhenAnotherNodeIsDown() throws IOException {
        int downPort;
        try (ServerSocket s = new ServerSocket(0)) {
            downPort = s.getLocalPort();
        }
        GrpcServer disabled = new GrpcServer("rpc", HostPort.parse("127.0.0.1:0"), "bind-address")
                .addService(new DataNodeRpcService(null, new Hlc(Clock.system()), new StatsRegistry())
                        .withEntropy(new EntropyRpcServer(() -> null)));
        disabled.start();
        try (DataNodeConnections connections = new DataNodeConnections(Duration.ofSeconds(2))) {
            ClusterMetadata meta = new ClusterMetadata(List.of(), List.of(new NodeInfo(4, "127.0.0.1:" + downPort, "x:1"),
                    new NodeInfo(5, disabled.boundAddress().toString(), "x:2")), new TreeMap<>(), 5, 0, 0, 1);
            EntropyClient client = new EntropyClient(connections, meta, List.of(), Set.of(4L, 5L));
            assertThatThrownBy(() -> client.status(false)).isInstanceOfSatisfying(ShardlineException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION);
                assertThat(e.getMessage()).isEqualTo(
                        "anti-entropy service is disabled on this data node ([anti-entropy] enabled = false)");
            });
            assertThat(EntropyClient.DISABLED_PREFIX).isEqualTo(EntropyRpcServer.DISABLED.substring(0,
                    EntropyClient.DISABLED_PREFIX.length()));
        } finally {
            disabled.close();
        }
    }
}
