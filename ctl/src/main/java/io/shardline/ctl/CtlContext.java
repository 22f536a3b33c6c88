package io.shardline.ctl;

import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.ctl.datanode.DataNodeConnections;
import io.shardline.ctl.datanode.ShardAdminClient;
import io.shardline.meta.client.Backoff;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.client.MetaClientSettings;
import io.shardline.meta.client.Sleeper;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.ShardLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * What one run of a verb works with: the output, the prompt, the clock, and the nodes. The meta
 * client (to {@code -bind}) and the data-node connections are opened on first use and closed with the
 * context. Every remote operation goes through {@link #meta} or {@link #timed}, which bound it by
 * {@code -timeout}. Confined to the thread running the verb.
 */
public final class CtlContext implements AutoCloseable {

    /** One attempt on one meta node; the meta client retries other nodes within the timeout. */
    private static final Duration MAX_ATTEMPT = Duration.ofSeconds(5);

    private final String bind;
    private final Duration timeout;
    private final CtlEnvironment env;
    private final OperationTimer timer;
    private final CtlCredentials credentials;
    private final SslContext tls;
    private MetaClient metaClient;
    private DataNodeConnections dataNodes;

    CtlContext(String verb, String bind, Duration timeout, CtlEnvironment env) {
        this(verb, bind, timeout, env, CtlCredentials.NONE, null);
    }

    /** @param tls the TLS context of every connection ({@code -bind-tls}), null for plaintext */
    CtlContext(String verb, String bind, Duration timeout, CtlEnvironment env, CtlCredentials credentials,
               SslContext tls) {
        this.tls = tls;
        this.bind = bind;
        this.timeout = timeout;
        this.env = env;
        this.timer = new OperationTimer(verb, timeout);
        this.credentials = credentials;
    }

    /** The {@code -auth-type} credentials this run sends. */
    public CtlCredentials credentials() {
        return credentials;
    }

    public PrintWriter out() {
        return env.out();
    }

    /** The {@code -timeout} every remote operation is bounded by. */
    public Duration timeout() {
        return timeout;
    }

    /** Wall-clock time now, Unix nanoseconds. */
    public long nowNanos() {
        return env.clock().wallNanos();
    }

    /** Runs one operation against the meta cluster (through {@code -bind}), bounded by the timeout. */
    public <T> T meta(Function<MetaClient, T> operation) {
        MetaClient client = metaClient();
        return timer.run(() -> operation.apply(client), metaWhere());
    }

    /** The whole cluster metadata, read linearizably. */
    public ClusterMetadata metadata() {
        return meta(MetaClient::metadata);
    }

    /** Runs any other remote operation (a data-node call) bounded by the timeout. */
    public <T> T timed(Callable<T> operation) {
        return timer.run(operation);
    }

    /** The data node registered at {@code tcpAddress}; NOT_FOUND if there is none. */
    public NodeInfo dataNode(ClusterMetadata metadata, String tcpAddress) {
        return metadata.dataNodeByTcpAddress(tcpAddress)
                .orElseThrow(() -> ShardlineException.notFound("node not found: " + tcpAddress));
    }

    /** The shard with this id and where it lives; NOT_FOUND if there is none. */
    public ShardLocation shard(ClusterMetadata metadata, long shardId) {
        return metadata.shard(shardId).orElseThrow(() -> ShardlineException.notFound("shard not found: " + shardId));
    }

    /** Connections to data nodes' DataNodeService by TCP address, opened on first use. */
    public DataNodeConnections dataNodes() {
        if (dataNodes == null) {
            dataNodes = new DataNodeConnections(timeout, credentials.interceptors(), tls);
        }
        return dataNodes;
    }

    /** The copy-shard / shard-admin calls of data nodes, over {@link #dataNodes()}. */
    public ShardAdminClient shardAdmin() {
        return new ShardAdminClient(dataNodes());
    }

    /** The time zone times are printed in (Go prints local time): the system's. */
    public java.time.ZoneId zone() {
        return java.time.ZoneId.systemDefault();
    }

    /**
     * Prints {@code prompt} (no newline) and reads one line of input: true only for {@code y} or
     * {@code Y}; end of input counts as no.
     */
    public boolean confirm(String prompt) {
        env.out().print(prompt);
        env.out().flush();
        try {
            String line = env.in().readLine();
            return line != null && line.trim().toLowerCase(Locale.ROOT).equals("y");
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, "error reading STDIN: " + e.getMessage(), e);
        }
    }

    /** Where a meta operation that timed out waited, for its message. */
    private String metaWhere() {
        return "meta node " + bind;
    }

    private MetaClient metaClient() {
        if (metaClient == null) {
            Duration attempt = timeout.compareTo(MAX_ATTEMPT) < 0 ? timeout : MAX_ATTEMPT;
            MetaClientSettings settings = new MetaClientSettings(List.of(bind), null, env.clock(), Sleeper.SYSTEM,
                    timeout, attempt, new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)), false);
            timer.run(() -> {
                MetaProbe.check(bind, tls, credentials.interceptors(), timeout);
                return null;
            }, metaWhere());
            metaClient = new MetaClient(settings, credentials.interceptors(), tls).start();
        }
        return metaClient;
    }

    @Override
    public void close() {
        timer.close();
        if (metaClient != null) {
            metaClient.close();
        }
        if (dataNodes != null) {
            dataNodes.close();
        }
        env.out().flush();
    }
}
