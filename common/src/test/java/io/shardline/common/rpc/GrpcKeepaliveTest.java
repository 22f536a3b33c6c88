package io.shardline.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.shardline.common.net.HostPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A channel from {@link GrpcChannels} notices a connection whose packets stop flowing (a partition:
 * TCP stays up, nothing arrives) through HTTP/2 keepalive and drops it, so the next call dials anew.
 * A proxy that stops relaying stands in for the partition. Takes about 15 s (gRPC pings at most every
 * 10 s).
 */
class GrpcKeepaliveTest {

    private final GrpcServer server = new GrpcServer("test", HostPort.parse("127.0.0.1:0"), "bind-address");
    private FreezingProxy proxy;

    @AfterEach
    void close() throws IOException {
        server.close();
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aSilentConnectionIsDroppedAndTheNextCallReconnects() throws Exception {
        server.start();
        proxy = new FreezingProxy(server.boundAddress().port());
        ManagedChannel channel = GrpcChannels.open("127.0.0.1:" + proxy.port(), null, List.of());
        try {
            HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance());
            assertThat(channel.getState(false)).isEqualTo(ConnectivityState.READY);
            proxy.freeze();
            long frozenAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> channel.getState(false) != ConnectivityState.READY);
            long droppedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozenAt);
            System.out.println("keepalive dropped the silent connection after " + droppedAfterMs + " ms");
            assertThat(droppedAfterMs).isLessThanOrEqualTo(GrpcChannels.KEEPALIVE_TIME.plus(GrpcChannels.KEEPALIVE_TIMEOUT)
                    .plusSeconds(5).toMillis());
            assertThat(HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()).getStatus().name()).isEqualTo("SERVING");
            assertThat(proxy.connections()).isEqualTo(2);
        } finally {
            channel.shutdownNow();
        }
    }

    /** Relays TCP to a port; after {@link #freeze()} the open connections carry nothing, new ones work. */
    private static final class FreezingProxy implements AutoCloseable {

        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final int target;
        private volatile CountDownLatch frozen = new CountDownLatch(0);
        private volatile int connections;
        private final Thread acceptor;

        FreezingProxy(int target) throws IOException {
            this.target = target;
            acceptor = new Thread(this::accept, "proxy-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        int connections() {
            return connections;
        }

        /** Connections open now stop relaying for good. */
        void freeze() {
            frozen = new CountDownLatch(1);
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = listener.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    connections++;
                    relay(client, upstream);
                    relay(upstream, client);
                }
            } catch (IOException e) {
                // closed
            }
        }

        private void relay(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[8192];
                CountDownLatch atStart = frozen;
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        CountDownLatch now = frozen;
                        if (now != atStart) {
                            now.await(); // frozen after this connection opened: hold its bytes forever
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // a side closed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "proxy-relay");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            frozen.countDown();
            listener.close();
        }
    }
}
