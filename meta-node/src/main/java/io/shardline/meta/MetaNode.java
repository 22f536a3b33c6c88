package io.shardline.meta;

import io.shardline.common.auth.CredentialCache;
import io.shardline.common.http.HttpAuthenticator;
import io.shardline.common.http.HttpServer;
import io.shardline.common.http.HttpsContext;
import io.shardline.common.http.StreamingHttpHandler;
import io.shardline.common.io.Directories;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.lifecycle.ServiceGroup;
import io.shardline.common.net.HostPort;
import io.shardline.common.rpc.GrpcServer;
import io.shardline.common.stats.NodeRuntime;
import io.shardline.common.stats.StatsHttp;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.common.rpc.GrpcTls;
import io.shardline.common.tls.CertificateExpiryWatch;
import io.shardline.common.tls.TlsMaterial;
import io.shardline.config.meta.MetaNodeConfig;
import io.shardline.meta.client.ClusterStatus;
import io.shardline.meta.http.MetaStatusApi;
import io.shardline.meta.ratis.MetaRaft;
import io.shardline.meta.ratis.RaftView;
import io.shardline.meta.service.ForwardedCall;
import io.shardline.meta.service.MetaGrpcService;
import io.shardline.meta.service.SelfRegistration;
import io.grpc.ClientInterceptor;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcAuthenticator;
import io.shardline.common.rpc.RpcCredentials;
import io.shardline.meta.client.ClusterUsers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of a meta node: prepares its directory, then starts Raft (Ratis with the
 * metadata state machine), the MetaService gRPC server, the status HTTP port and the
 * self-registration loop; closing stops them in reverse order. Started and closed by one thread.
 */
public final class MetaNode implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(MetaNode.class);

    private final MetaNodeConfig config;
    private final Clock clock;
    private final LifecycleGuard guard = new LifecycleGuard("meta node");
    private final ServiceGroup services = new ServiceGroup("meta node");
    private final StatsRegistry stats = new StatsRegistry();
    private MetaRaft raft;
    private MetaGrpcService metaService;
    private GrpcServer api;
    private HttpServer status;

    public MetaNode(MetaNodeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "meta node";
    }

    @Override
    public void start() {
        guard.markStarted();
        if (config.meta().authEnabled() && config.meta().internalSharedSecret().isEmpty()) {
            throw ShardlineException.invalid("[meta] auth-enabled = true requires [meta] internal-shared-secret");
        }
        Directories.ensureWritable(config.meta().dir(), "[meta] dir");
        String raftAddress = config.advertisedRaftAddress().toString();
        String httpAddress = config.advertisedApiAddress().toString();
        TlsMaterial tls = config.meta().https().identity(config.tls().options());
        raft = services.add(new MetaRaft(config.meta(), config.meta().bindAddress(), raftAddress, httpAddress, tls));
        services.add(new CertificateExpiryWatch(config.meta().https().certificateFile(),
                config.tls().advancedExpiration(), clock));
        ExecutorService membership = Executors.newSingleThreadExecutor(new NamedThreadFactory("meta-membership", true));
        List<ClientInterceptor> peerCredentials = config.meta().authEnabled()
                ? List.of(RpcCredentials.internalToken(raftAddress, config.meta().internalSharedSecret(), clock))
                : List.of();
        metaService = new MetaGrpcService(raft, httpAddress, clock, config.meta().announcementExpiration(),
                config.meta().retentionAutocreate(), config.meta().leaseDuration(), membership, peerCredentials,
                tls == null ? null : GrpcTls.client(tls));
        api = services.add(new GrpcServer("meta-api", config.meta().httpBindAddress(), "[meta] http-bind-address")
                .addService(ForwardedCall.intercept(metaService)));
        if (tls != null) {
            api.tls(GrpcTls.server(tls, false));
        }
        if (config.meta().authEnabled()) {
            api.intercept(new RpcAuthenticator(config.meta().internalSharedSecret(),
                    new ClusterUsers(raft::localMetadata), config.meta().sharedSecret(), clock));
        }
        // Closed before the gRPC server, so open watch streams end at once instead of holding its shutdown.
        services.add(new Closer("meta service", () -> {
            metaService.close();
            membership.shutdownNow();
        }));
        NodeRuntime runtime = NodeRuntime.ofProcess(clock).register(stats);
        raft.registerStats(stats);
        MetaStatusApi statusApi = new MetaStatusApi(() -> statusOf(raft.view(), httpAddress, raftAddress),
                this::clusterStatus, raft::raftStatus).withStats(new StatsHttp(stats, runtime));
        StreamingHttpHandler statusHandler = statusApi.handler();
        if (config.meta().authEnabled()) {
            // [meta] shared-secret signs the Bearer tokens of shardline-ctl -auth-type jwt, so they work here too
            ClusterUsers users = new ClusterUsers(raft::localMetadata);
            statusHandler = new HttpAuthenticator(statusHandler, MetaStatusApi.access(users), users,
                    new CredentialCache(), "InfluxDB",
                    config.meta().sharedSecret(), clock,
                    stats.statistic("httpd", Map.of("bind", config.meta().statusBindAddress().toString())));
        }
        status = services.add(new HttpServer("status", config.meta().statusBindAddress(),
                "[meta] status-bind-address", statusHandler, 1 << 20, 2));
        if (tls != null) {
            status.tls(HttpsContext.server(tls));
        }
        services.add(new SelfRegistration(raft, metaService, httpAddress, config.meta().gossipFrequency(), clock,
                config.meta().peers()));
        services.start();
        LOG.info("Meta node started api={} status={} raft={}", api.boundAddress(), status.boundAddress(), raftAddress);
    }

    private static MetaStatusApi.Status statusOf(RaftView view, String httpAddress, String raftAddress) {
        return new MetaStatusApi.Status(view.leader(), httpAddress, raftAddress,
                view.joined() ? view.peersOtherThan(raftAddress) : null);
    }

    private ClusterStatus clusterStatus() {
        try {
            return metaService.clusterStatus().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("cluster status unavailable: " + e.getMessage(), e);
        }
    }

    public HostPort apiAddress() {
        return api.boundAddress();
    }

    public HostPort statusAddress() {
        return status.boundAddress();
    }

    /** The node's statistics ({@code /debug/vars}, {@code /metrics}). */
    public StatsRegistry stats() {
        return stats;
    }

    /** The Raft side of this node (tests and the in-JVM harness inspect it). */
    public MetaRaft raft() {
        return raft;
    }

    @Override
    public void close() {
        if (guard.markClosed()) {
            services.close();
            LOG.info("Meta node stopped");
        }
    }

    /** Runs a close action at its place in the start order. */
    private record Closer(String name, Runnable action) implements Service {
        @Override
        public void start() {
        }

        @Override
        public void close() {
            action.run();
        }
    }
}
