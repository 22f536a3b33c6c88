package io.shardline.datanode;

import io.grpc.ClientInterceptor;
import io.shardline.common.http.HttpServer;
import io.shardline.common.http.HttpsContext;
import io.shardline.common.rpc.GrpcTls;
import io.shardline.common.tls.CertificateExpiryWatch;
import io.shardline.common.tls.TlsMaterial;
import io.shardline.common.tls.TlsOptions;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.shardline.common.io.Directories;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.lifecycle.ServiceGroup;
import io.shardline.common.net.HostPort;
import io.shardline.common.rpc.GrpcLimits;
import io.shardline.common.rpc.GrpcServer;
import io.shardline.common.rpc.RpcStats;
import io.shardline.common.stats.NodeRuntime;
import io.shardline.common.stats.StatsHttp;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.datanode.copy.ShardMovement;
import io.shardline.datanode.copy.ShardWriteGate;
import io.shardline.datanode.entropy.AntiEntropyService;
import io.shardline.datanode.entropy.CopyShardRestorer;
import io.shardline.datanode.entropy.EntropyNode;
import io.shardline.datanode.entropy.EntropyStats;
import io.shardline.datanode.entropy.LiveDataNodes;
import io.shardline.datanode.entropy.ShardRepairHttp;
import io.shardline.datanode.entropy.rpc.EntropyRpcServer;
import io.shardline.datanode.entropy.rpc.GrpcEntropyPeers;
import io.shardline.datanode.handoff.HandoffDatabaseStats;
import io.shardline.datanode.handoff.HintedHandoff;
import io.shardline.datanode.handoff.ShardOwnership;
import io.shardline.datanode.http.AccessLog;
import io.shardline.datanode.http.DataNodeHttpApi;
import io.shardline.common.auth.CredentialCache;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcAuthenticator;
import io.shardline.common.rpc.RpcCredentials;
import io.shardline.common.http.HttpAuthenticator;
import io.shardline.config.data.HttpConfig;
import io.shardline.meta.client.ClusterUsers;
import io.shardline.datanode.http.HttpLimitsSetup;
import io.shardline.datanode.http.HttpObserver;
import io.shardline.datanode.http.HttpdStats;
import io.shardline.datanode.http.QueryHandler;
import io.shardline.datanode.http.RouteAccess;
import io.shardline.datanode.http.ShardStatusHandler;
import io.shardline.datanode.http.WriteHandler;
import io.shardline.datanode.cq.CqWiring;
import io.shardline.datanode.meta.DataNodeMembership;
import io.shardline.datanode.meta.MetaWriteTopology;
import io.shardline.datanode.monitor.MetaNodesProbe;
import io.shardline.datanode.monitor.MonitorService;
import io.shardline.datanode.monitor.NodeDiagnostics;
import io.shardline.datanode.query.ClusterStatementExecutor;
import io.shardline.datanode.query.DataStatements;
import io.shardline.datanode.query.SelectLimits;
import io.shardline.datanode.query.LocalShardQueries;
import io.shardline.datanode.query.MonitorStatements;
import io.shardline.datanode.query.PeerHealth;
import io.shardline.datanode.query.QueryAdminStatements;
import io.shardline.datanode.query.QueryInterrupts;
import io.shardline.datanode.query.QueryManager;
import io.shardline.datanode.query.Replicas;
import io.shardline.datanode.query.StatementExecutor;
import io.shardline.datanode.query.StoreLocalTombstones;
import io.shardline.datanode.rpc.DataNodeRpcService;
import io.shardline.datanode.rpc.GrpcPeerQueries;
import io.shardline.datanode.rpc.GrpcShardTransport;
import io.shardline.datanode.rpc.PeerChannels;
import io.shardline.datanode.rpc.QueryManagementRpc;
import io.shardline.datanode.shard.ShardMaintenance;
import io.shardline.datanode.shard.ShardStatistics;
import io.shardline.datanode.shard.StoreLocalShards;
import io.shardline.datanode.write.PointsWriter;
import io.shardline.datanode.write.TombstoneWriter;
import io.shardline.datanode.write.WritesInFlight;
import io.shardline.model.Hlc;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.rocks.RocksShardEngine;
import io.shardline.transfer.ChunkMarshaller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of a data node. Start order: directories, shard engine, gRPC service (so peers
 * can write once this node is known), meta membership (registration, cluster view), hinted
 * handoff, housekeeping, and the public HTTP API last so the node takes traffic only when ready
 * (InfluxDB Enterprise's order). Closing stops them in reverse: HTTP first, then nothing is
 * acknowledged that is not in a shard's write-ahead log or a hinted-handoff queue. Started and
 * closed by one thread.
 */
public final class DataNode implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(DataNode.class);

    private final DataNodeConfig config;
    private final Clock clock;
    private final List<ClientInterceptor> peerInterceptors;
    private final LifecycleGuard guard = new LifecycleGuard("data node");
    private final ServiceGroup services = new ServiceGroup("data node");
    private final StatsRegistry stats = new StatsRegistry();
    private NodeRuntime runtime;
    private GrpcServer rpc;
    private DataNodeMembership membership;
    private ShardEngine engine;
    private HintedHandoff handoff;
    private volatile AntiEntropyService entropy;
    private ShardMovement movement;
    private PointsWriter writer;
    private StatementExecutor dataStatements;
    private QueryManager queries;
    private PeerChannels peerChannels;
    private ExecutorService queryTasks;
    private HttpServer http;

    public DataNode(DataNodeConfig config, Clock clock) {
        this(config, clock, List.of());
    }

    /**
     * @param peerInterceptors applied to every call this node makes to other data nodes (tests use
     *     one to cut the network between two nodes)
     */
    public DataNode(DataNodeConfig config, Clock clock, List<ClientInterceptor> peerInterceptors) {
        this.config = config;
        this.clock = clock;
        this.peerInterceptors = List.copyOf(peerInterceptors);
    }

    @Override
    public String name() {
        return "data node";
    }

    @Override
    public void start() {
        guard.markStarted();
        if (config.meta().metaAuthEnabled() && config.meta().metaInternalSharedSecret().isEmpty()) {
            throw ShardlineException.invalid("[meta] meta-auth-enabled = true requires [meta] meta-internal-shared-secret");
        }
        Directories.ensureWritable(config.data().dir(), "[data] dir");
        Directories.ensureWritable(config.data().walDir(), "[data] wal-dir");
        Directories.ensureWritable(config.meta().dir(), "[meta] dir");
        Directories.ensureWritable(config.hintedHandoff().dir(), "[hinted-handoff] dir");
        runtime = NodeRuntime.ofProcess(clock).register(stats);
        engine = services.add(new RocksShardEngine(config.data(), clock));
        TlsOptions tlsOptions = config.tls().options();
        TlsMaterial clusterTls = config.cluster().https().identity(tlsOptions);
        SslContext peerTls = clusterTls == null ? null : GrpcTls.client(clusterTls);
        SslContext metaTls = config.meta().metaTlsEnabled()
                ? GrpcTls.client(TlsMaterial.client(config.meta().metaInsecureTls(), tlsOptions)) : null;
        TlsMaterial httpsTls = config.http().enabled() ? config.http().https().identity(tlsOptions) : null;
        Map<String, Path> certificates = new HashMap<>(config.cluster().https().certificateFile());
        if (config.http().enabled()) {
            certificates.putAll(config.http().https().certificateFile());
        }
        services.add(new CertificateExpiryWatch(certificates, config.tls().advancedExpiration(), clock));
        membership = new DataNodeMembership(config.meta(), config.advertisedTcpAddress().toString(),
                config.advertisedHttpAddress().toString(), httpsTls != null, config.gossipFrequency(), clock, metaTls);
        Hlc hlc = new Hlc(clock);
        // copy-shard / shard admin: the write path opens shards through the gate, so a shard being
        // copied in or removed is never created by a write meanwhile.
        ShardWriteGate shardGate = new ShardWriteGate();
        ShardEngine writableShards = shardGate.guard(engine);
        ShardStatistics shardStats = new ShardStatistics(engine, config.data().dir(), config.data().walDir());
        stats.source(shardStats);
        StoreLocalShards local = new StoreLocalShards(writableShards, membership::view, membership::nodeId,
                membership::refreshView).counting(shardStats);
        List<ClientInterceptor> interceptors = new ArrayList<>(peerInterceptors);
        interceptors.add(new RpcStats(stats, clock));
        PeerChannels channels = new PeerChannels(config.cluster().poolMaxIdleTime(), config.cluster().dialTimeout(),
                withInternalCredentials(interceptors), peerTls);
        peerChannels = channels;
        GrpcShardTransport transport = new GrpcShardTransport(channels, () -> membership.view().metadata());
        WritesInFlight writesInFlight = new WritesInFlight();
        movement = new ShardMovement(engine, shardGate, membership, config.advertisedTcpAddress().toString(),
                config.advertisedHttpAddress().toString(), channels, config.data().blockRewriteColdDuration(),
                writesInFlight, clock, stats);
        LocalShardQueries ownerQueries = new LocalShardQueries(engine, membership::view, membership::nodeId);
        StoreLocalTombstones tombstones = new StoreLocalTombstones(writableShards, local);
        // Owner reads run in the calling query's context: a killed or timed-out query stops its scans here too.
        ExecutorService ownerReads = QueryInterrupts.propagating(Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), new NamedThreadFactory("query-owner", true)));
        ScheduledExecutorService queryTimers = Executors.newSingleThreadScheduledExecutor(
                new NamedThreadFactory("query-timers", true));
        queries = new QueryManager(new QueryManager.Settings(config.cluster().maxConcurrentQueries(),
                config.cluster().queryTimeout(), config.cluster().logQueriesAfter(), config.cluster().maxSelectPoint()),
                clock, queryTimers);
        rpc = services.add(new GrpcServer("rpc", config.bindAddress(), "bind-address")
                .limits(new GrpcLimits((int) Math.min(Integer.MAX_VALUE, config.cluster().rpc().maxMessageSize()),
                        config.cluster().rpc().maxConcurrentStreams(), config.cluster().rpc().resettableReadTimeout()))
                .addService(ChunkMarshaller.receivingChunks(
                        new DataNodeRpcService(local, tombstones, ownerQueries, ownerReads, hlc, stats)
                        .withShardAdmin(movement.rpc())
                        .withEntropy(new EntropyRpcServer(() -> entropy == null ? null : entropy.node()))
                        .withQueryManager(queries).bindService())));
        if (clusterTls != null) {
            rpc.tls(GrpcTls.server(clusterTls, false));
        }
        if (config.meta().metaAuthEnabled()) {
            rpc.intercept(new RpcAuthenticator(config.meta().metaInternalSharedSecret(),
                    new ClusterUsers(() -> membership.view().metadata()), config.http().sharedSecret(), clock));
        }
        services.add(closer("query owner reads", ownerReads::shutdownNow));
        services.add(closer("query manager", () -> {
            queries.close();
            queryTimers.shutdownNow();
        }));
        services.add(membership);
        services.add(closer("peer channels", channels::close));
        handoff = services.add(new HintedHandoff(config.hintedHandoff(), clock, transport,
                ShardOwnership.inView(membership::view), stats,
                config.cluster().writeTimeout().toMillis()));
        stats.source(new HandoffDatabaseStats(stats, shardId -> membership.view().shards().shard(shardId)));
        services.add(movement); // closes before the peer channels and membership its roll-backs need
        ExecutorService callbacks = Executors.newFixedThreadPool(2, new NamedThreadFactory("write-callbacks", true));
        services.add(closer("write callbacks", callbacks::shutdownNow));
        writer = new PointsWriter(new MetaWriteTopology(membership), local, transport, handoff, hlc, clock,
                config.cluster().writeTimeout(), config.cluster().allowOutOfOrderWrites(), callbacks, writesInFlight,
                stats);
        queryTasks = QueryInterrupts.propagating(
                Executors.newFixedThreadPool(16, new NamedThreadFactory("query", true)));
        services.add(closer("query tasks", queryTasks::shutdownNow));
        Replicas replicas = new Replicas(membership::nodeId, ownerQueries, new GrpcPeerQueries(channels,
                () -> membership.view().metadata(), config.cluster().dialTimeout(), config.cluster().shardReaderTimeout(),
                clock), new PeerHealth(clock, Duration.ofSeconds(10)), new Random());
        TombstoneWriter deletes = new TombstoneWriter(new MetaWriteTopology(membership), tombstones, transport, handoff,
                clock, config.cluster().writeTimeout(), config.cluster().allowOutOfOrderWrites(), callbacks, writesInFlight,
                stats);
        dataStatements = new DataStatements(() -> membership.view().metadata(), replicas, queryTasks, deletes, hlc::next,
                writer, clock::monotonicNanos, new SelectLimits(config.cluster().maxSelectSeries(),
                        config.cluster().maxSelectBuckets()));
        // anti-entropy: after hinted handoff, before HTTP (its RPCs answer "disabled" until it exists)
        if (config.antiEntropy().enabled()) {
            EntropyStats aeStats = new EntropyStats(stats);
            entropy = services.add(new AntiEntropyService(config.antiEntropy(), new EntropyNode(config.antiEntropy(),
                    writableShards, membership::view, membership::nodeId,
                    new GrpcEntropyPeers(channels, () -> membership.view().metadata()),
                    new CopyShardRestorer(movement.copier(), () -> membership.view().metadata()),
                    new LiveDataNodes(membership::metaClient), clock, aeStats, config.meta().dir()), aeStats));
        }
        NodeDiagnostics.register(stats, config, membership::nodeId);
        PeerChannels metaChannels = new PeerChannels(config.cluster().poolMaxIdleTime(),
                config.cluster().dialTimeout(), withInternalCredentials(List.of()), metaTls);
        services.add(closer("meta probe channels", metaChannels::close));
        MetaNodesProbe metaProbe = services.add(new MetaNodesProbe(() -> membership.view().metadata(), metaChannels,
                config.monitor().remoteCollectInterval()));
        stats.source(metaProbe);
        MonitorService monitor = null;
        if (config.monitor().storeEnabled()) {
            monitor = services.add(new MonitorService(config.monitor(), stats, runtime.hostname(),
                    () -> membership.view().metadata(), membership::refreshView, membership::nodeId,
                    membership::metaClient, local, writer, hlc, clock));
        }
        if (config.continuousQueries().enabled()) {
            services.add(CqWiring.service(config.continuousQueries(), monitor, membership, dataStatements, clock,
                    stats));
        }
        services.add(new ShardMaintenance(config.shardPrecreation(), config.retention(), membership::metaClient,
                membership::view, engine, handoff, config.data().compactFullWriteColdDuration(), clock));
        if (config.http().enabled()) {
            HttpdStats httpd = new HttpdStats(stats, config.http().bindAddress().toString());
            AccessLog accessLog = config.http().logEnabled() ? AccessLog.open(config.http().accessLogPath()) : null;
            if (accessLog != null) {
                services.add(closer("access log", accessLog::close));
            }
            http = services.add(new HttpServer("http", config.http().bindAddress(), "[http] bind-address",
                    new HttpObserver(httpApi(httpd).handler(), httpd, clock, accessLog,
                            config.http().accessLogStatusFilters(), config.http().suppressWriteLog()),
                    HttpLimitsSetup.limits(config.http()), clock)
                    .responseHeaders(DataNodeHttpApi.responseHeaders(), true));
            if (httpsTls != null) {
                http.tls(HttpsContext.server(httpsTls));
            }
        }
        services.start();
        LOG.info("Data node started tcp={} http={}", rpc.boundAddress(), http == null ? "disabled" : http.boundAddress());
    }

    /** With {@code [meta] meta-auth-enabled}, calls to other data nodes carry an internal token too. */
    private List<ClientInterceptor> withInternalCredentials(List<ClientInterceptor> interceptors) {
        if (!config.meta().metaAuthEnabled()) {
            return interceptors;
        }
        List<ClientInterceptor> all = new ArrayList<>(interceptors);
        all.add(RpcCredentials.internalToken(config.advertisedTcpAddress().toString(),
                config.meta().metaInternalSharedSecret(), clock));
        return all;
    }

    private DataNodeHttpApi httpApi(HttpdStats httpd) {
        HttpConfig httpConfig = config.http();
        ClusterUsers users = new ClusterUsers(() -> membership.view().metadata());
        DataNodeHttpApi api = httpConfig.authEnabled()
                ? new DataNodeHttpApi(router -> new HttpAuthenticator(router,
                        new RouteAccess(httpConfig.pingAuthEnabled(), httpConfig.pprofAuthEnabled()), users,
                        new CredentialCache(), httpConfig.realm(), httpConfig.sharedSecret(), clock,
                        stats.statistic("httpd", Map.of("bind", httpConfig.bindAddress().toString()))))
                : new DataNodeHttpApi();
        api.stream(Set.of("POST"), "/write", HttpLimitsSetup.writeThrottle(httpConfig, clock)
                .wrap(new WriteHandler(writer, clock, httpConfig.maxBodySize(), httpConfig.authEnabled())
                        .observedBy(httpd, httpConfig.writeTracing())));
        StatementExecutor cluster = new MonitorStatements(stats,
                new ClusterStatementExecutor(membership::metaClient, dataStatements()));
        QueryAdminStatements admin = new QueryAdminStatements(queries, () -> membership.view().metadata(),
                membership::nodeId, QueryManagementRpc.peers(peerChannels, config.cluster().writeTimeout()),
                queryTasks);
        StatementExecutor statements = (s, ctx) -> QueryAdminStatements.handles(s) ? admin.execute(s)
                : cluster.execute(s, ctx);
        QueryHandler query = new QueryHandler(statements, clock,
                (int) Math.min(Integer.MAX_VALUE, httpConfig.maxRowLimit()), queries,
                httpConfig.authEnabled() ? users::userCount : null);
        api.route(Set.of("GET", "POST"), "/query", query);
        StatsHttp statsHttp = new StatsHttp(stats, runtime);
        api.route(Set.of("GET"), "/debug/vars", statsHttp.debugVars());
        api.route(Set.of("GET"), "/metrics", statsHttp.metrics());
        api.route(Set.of("GET"), "/shard-status", new ShardStatusHandler(engine, membership::view, clock,
                config.data().blockRewriteColdDuration()));
        ShardRepairHttp shardRepair = new ShardRepairHttp(() -> entropy == null ? null : entropy.node());
        api.route(Set.of("GET"), "/shard-repair/status", shardRepair.status());
        api.route(Set.of("POST"), "/shard-repair/repair", shardRepair.repair());
        api.route(Set.of("POST"), "/shard-repair/cancel-repair", shardRepair.cancelRepair());
        return api;
    }

    /** Runs the statements that read or delete data (SELECT, SHOW MEASUREMENTS, DELETE, ...). */
    private StatementExecutor dataStatements() {
        return dataStatements;
    }

    private static Service closer(String name, Runnable close) {
        return new Service() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }

    /** The node's membership in the cluster: its id, the meta client and the cached cluster view. */
    public DataNodeMembership membership() {
        return membership;
    }

    /** The node's shards. */
    public ShardEngine engine() {
        return engine;
    }

    /** The node's anti-entropy service, or null when {@code [anti-entropy] enabled = false}. */
    public AntiEntropyService antiEntropy() {
        return entropy;
    }

    /** The node's hinted-handoff queues. */
    public HintedHandoff handoff() {
        return handoff;
    }

    /** Shard copies onto this node, shard removal and the copy-shard RPCs. */
    public ShardMovement shardMovement() {
        return movement;
    }

    /** The node's statistics ({@code /debug/vars}). */
    public StatsRegistry stats() {
        return stats;
    }

    /** The bound gRPC address (port resolved). */
    public HostPort tcpAddress() {
        return rpc.boundAddress();
    }

    /** The bound HTTP address (port resolved). */
    public HostPort httpAddress() {
        return http.boundAddress();
    }

    @Override
    public void close() {
        if (guard.markClosed()) {
            services.close();
            LOG.info("Data node stopped");
        }
    }
}
