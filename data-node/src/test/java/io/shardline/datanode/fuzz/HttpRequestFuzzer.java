package io.shardline.datanode.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.shardline.common.http.HttpLimits;
import io.shardline.common.http.HttpServer;
import io.shardline.common.http.RawHttp;
import io.shardline.common.net.HostPort;
import io.shardline.common.time.Clock;
import io.shardline.datanode.http.DataNodeHttpApi;
import io.shardline.datanode.http.QueryHandler;
import io.shardline.datanode.http.WriteHandler;
import io.shardline.datanode.query.QueryAdminStatements;
import io.shardline.datanode.query.QueryManager;
import io.shardline.datanode.query.QueryPeers;
import io.shardline.datanode.query.RunningQuery;
import io.shardline.datanode.query.StatementExecutor;
import io.shardline.datanode.write.ConsistencyLevel;
import io.shardline.datanode.write.WriteService;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.model.Point;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * Jazzer target for request handling: raw bytes (method, target, parameters, headers, gzip and chunked bodies)
 * sent to an in-process data-node HTTP API with the real {@code /write} and {@code /query} handlers and query
 * manager. Every request gets a well-formed answer or a clean close within the read timeout — never a hang,
 * never a dead worker — and {@code /ping} answers afterwards.
 */
class HttpRequestFuzzer {

    private static final HttpServer SERVER = start();

    private static HttpServer start() {
        WriteService writes = new WriteService() {
            @Override
            public boolean databaseExists(String database) {
                return "db".equals(database);
            }

            @Override
            public long write(String database, String rp, ConsistencyLevel level, List<Point> points) {
                return 0;
            }
        };
        QueryManager queries = new QueryManager(new QueryManager.Settings(4, Duration.ofSeconds(5), Duration.ZERO),
                Clock.system(), Executors.newSingleThreadScheduledExecutor());
        QueryPeers none = new QueryPeers() {
            @Override
            public List<RunningQuery> list(String tcpAddress) {
                return List.of();
            }

            @Override
            public void kill(String tcpAddress, long qid) {
            }
        };
        QueryAdminStatements admin = new QueryAdminStatements(queries, () -> ClusterMetadata.EMPTY, () -> 4, none,
                Runnable::run);
        StatementExecutor statements = (s, ctx) -> QueryAdminStatements.handles(s) ? admin.execute(s) : List.of();
        DataNodeHttpApi api = new DataNodeHttpApi();
        api.stream(Set.of("POST"), "/write", new WriteHandler(writes, Clock.system(), 1 << 20));
        api.route(Set.of("GET", "POST"), "/query", new QueryHandler(statements, Clock.system(), 100, queries));
        HttpServer server = new HttpServer("http", new HostPort("127.0.0.1", 0), "[http] bind-address", api.handler(),
                HttpLimits.of(1 << 20, 4).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(2)), Clock.system()).responseHeaders(DataNodeHttpApi.responseHeaders(), true);
        server.start();
        return server;
    }

    @FuzzTest(maxDuration = "5s")
    void request(byte[] data) throws IOException {
        int port = SERVER.boundAddress().port();
        // The target itself talks to the server under test on loopback; that is not request forgery.
        try (SilentCloseable allowed = BugDetectors.allowNetworkConnections()) {
            exchange(data, port);
        }
    }

    private static void exchange(byte[] data, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            s.setSoTimeout(5_000);
            s.getOutputStream().write(data);
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            try {
                while (in.read(new byte[8192]) >= 0) {
                    // read every answer until the server closes
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer and no close within 5 s for " + data.length + " bytes", e);
            } catch (IOException reset) {
                // the server cut the connection off: an answer too
            }
        }
        assertThat(RawHttp.exchange(port, RawHttp.request("GET", "/ping", new byte[0]), 5_000).status()).isEqualTo(204);
    }
}
