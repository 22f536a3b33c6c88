package io.shardline.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.shardline.common.rpc.RpcCredentials;
import io.shardline.common.time.ManualClock;
import io.shardline.proto.meta.MetaServiceGrpc;
import io.shardline.proto.meta.NodeStatusMessage;
import io.shardline.proto.meta.NodeStatusRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The reachability probe before the first meta call carries the run's credentials. */
class MetaProbeTest {

    @Test
    void probeSendsTheCredentialsOfTheRun() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        ServerInterceptor recorder = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                              ServerCallHandler<Q, R> next) {
                String auth = headers.get(RpcCredentials.AUTHORIZATION);
                seen.add(auth == null ? "<none>" : auth);
                return next.startCall(call, headers);
            }
        };
        MetaServiceGrpc.MetaServiceImplBase service = new MetaServiceGrpc.MetaServiceImplBase() {
            @Override
            public void getNodeStatus(NodeStatusRequest request, StreamObserver<NodeStatusMessage> response) {
                response.onNext(NodeStatusMessage.getDefaultInstance());
                response.onCompleted();
            }
        };
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerInterceptors.intercept(service, recorder)).build().start();
        try {
            String bind = "127.0.0.1:" + server.getPort();
            CtlCredentials basic = CtlCredentials.of("basic", "admin", "pw", "", new ManualClock());
            MetaProbe.check(bind, null, basic.interceptors(), Duration.ofSeconds(10));
            MetaProbe.check(bind, null, CtlCredentials.NONE.interceptors(), Duration.ofSeconds(10));
            assertThat(seen).containsExactly(
                    "Basic " + Base64.getEncoder().encodeToString("admin:pw".getBytes(StandardCharsets.UTF_8)), "<none>");
        } finally {
            server.shutdownNow();
        }
    }
}
