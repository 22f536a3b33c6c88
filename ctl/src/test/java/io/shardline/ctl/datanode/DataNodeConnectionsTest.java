package io.shardline.ctl.datanode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.rpc.GrpcCalls;
import io.shardline.proto.datanode.WriteShardRequest;
import io.shardline.proto.datanode.WriteShardResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The data-node extension point fails cleanly, within the timeout, when no data node answers. */
class DataNodeConnectionsTest {

    @Test
    void anUnreachableDataNodeIsUnavailableWithItsAddress() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        try (DataNodeConnections nodes = new DataNodeConnections(Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> nodes.<WriteShardResponse>call(address, "write shard", stub ->
                    GrpcCalls.unary(o -> stub.writeShard(WriteShardRequest.getDefaultInstance(), o))))
                    .isInstanceOfSatisfying(ShardlineException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                        assertThat(e.getMessage()).startsWith("cannot write shard on data node " + address + ": ")
                                .doesNotContain("\n");
                    });
        }
    }

    @Test
    void aSilentDataNodeTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0);
             DataNodeConnections nodes = new DataNodeConnections(Duration.ofMillis(300))) {
            String address = "127.0.0.1:" + silent.getLocalPort();
            long start = System.nanoTime();
            assertThatThrownBy(() -> nodes.<WriteShardResponse>call(address, "write shard", stub ->
                    GrpcCalls.unary(o -> stub.writeShard(WriteShardRequest.getDefaultInstance(), o))))
                    .isInstanceOfSatisfying(ShardlineException.class, e ->
                            assertThat(e.code()).isIn(ErrorCode.TIMEOUT, ErrorCode.UNAVAILABLE));
            assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(2).toNanos());
        }
    }
}
