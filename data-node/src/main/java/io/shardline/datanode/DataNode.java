package io.shardline.datanode;

import io.grpc.ClientInterceptor;
import io.shardline.common.http.HttpResult;
import io.shardline.common.http.HttpServer;
import io.shardline.common.io.Directories;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.lifecycle.ServiceGroup;
import io.shardline.common.net.HostPort;
import io.shardline.common.rpc.GrpcServer;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.datanode.handoff.HintedHandoff;
import io.shardline.datanode.http.DataNodeHttpApi;
import io.shardline.datanode.http.QueryHandler;
import io.shardline.datanode.http.ShardStatusHandler;
import io.shardline.datanode.http.WriteHandler;
import io.shardline.datanode.meta.DataNodeMembership;
import io.shardline.datanode.meta.MetaWriteTopology;
import io.shardline.datanode.query.ClusterStatementExecutor;
import io.shardline.datanode.query.StatementExecutor;
import io.shardline.datanode.rpc.DataNodeRpcService;
import io.shardline.datanode.rpc.GrpcShardTransport;
import io.shardline.datanode.rpc.PeerChannels;
import io.shardline.datanode.shard.ShardMaintenance;
import io.shardline.datanode.shard.StoreLocalShards;
import io.shardline.datanode.write.PointsWriter;
import io.shardline.model.Hlc;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.rocks.RocksShardEngine;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private GrpcServer rpc;
    private DataNodeMembership membership;
    private ShardEngine engine;
    private HintedHandoff handoff;
    private PointsWriter writer;
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
        Directories.ensureWritable(config.data().dir(), "[data] dir");
        Directories.ensureWritable(config.data().walDir(), "[data] wal-dir");
        Directories.ensureWritable(config.meta().dir(), "[meta] dir");
        Directories.ensureWritable(config.hintedHandoff().dir(), "[hinted-handoff] dir");
        engine = services.add(new RocksShardEngine(config.data(), clock));
        membership = new DataNodeMembership(config.meta(), config.advertisedTcpAddress().toString(),
                config.advertisedHttpAddress().toString(), config.gossipFrequency(), clock);
        Hlc hlc = new Hlc(clock);
        StoreLocalShards local = new StoreLocalShards(engine, membership::view, membership::nodeId);
        PeerChannels channels = new PeerChannels(config.cluster().poolMaxIdleTime(), config.cluster().dialTimeout(),
                peerInterceptors);
        GrpcShardTransport transport = new GrpcShardTransport(channels, () -> membership.view().metadata());
        rpc = services.add(new GrpcServer("rpc", config.bindAddress(), "bind-address")
                .addService(new DataNodeRpcService(local, hlc, stats)));
        services.add(membership);
        services.add(closer("peer channels", channels::close));
        handoff = services.add(new HintedHandoff(config.hintedHandoff(), clock, transport,
                (node, shard) -> membership.view().shards().owners(shard).contains(node), stats,
                config.cluster().writeTimeout().toMillis()));
        ExecutorService callbacks = Executors.newFixedThreadPool(2, new NamedThreadFactory("write-callbacks", true));
        services.add(closer("write callbacks", callbacks::shutdownNow));
        writer = new PointsWriter(new MetaWriteTopology(membership), local, transport, handoff, hlc, clock,
                config.cluster().writeTimeout(), config.cluster().allowOutOfOrderWrites(), callbacks, stats);
        services.add(new ShardMaintenance(config.shardPrecreation(), config.retention(), membership::metaClient,
                membership::view, engine, handoff, config.data().compactFullWriteColdDuration(), clock));
        if (config.http().enabled()) {
            http = services.add(new HttpServer("http", config.http().bindAddress(), "[http] bind-address",
                    httpApi().handler(), config.http().maxBodySize(), 8));
        }
        services.start();
        LOG.info("Data node started tcp={} http={}", rpc.boundAddress(), http == null ? "disabled" : http.boundAddress());
    }

    private DataNodeHttpApi httpApi() {
        DataNodeHttpApi api = new DataNodeHttpApi(clock);
        api.stream(Set.of("POST"), "/write", new WriteHandler(writer, clock, config.http().maxBodySize()));
        QueryHandler query = new QueryHandler(new ClusterStatementExecutor(membership::metaClient, dataStatements()), clock,
                (int) Math.min(Integer.MAX_VALUE, config.http().maxRowLimit()));
        api.route(Set.of("GET", "POST"), "/query", query);
        api.route(Set.of("GET"), "/debug/vars", request -> HttpResult.json(200, stats.toDebugVarsJson() + "\n"));
        api.route(Set.of("GET"), "/shard-status", new ShardStatusHandler(engine, membership::view, clock,
                config.data().blockRewriteColdDuration()));
        return api;
    }

    /** Runs the statements that read or delete data (SELECT, SHOW MEASUREMENTS, DELETE, ...). */
    private StatementExecutor dataStatements() {
        return (statement, context) -> {
            throw io.shardline.common.error.ShardlineException.invalid(
                    statement.getClass().getSimpleName().replace("Statement", "") + " statements are not available yet");
        };
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

    /** The node's hinted-handoff queues. */
    public HintedHandoff handoff() {
        return handoff;
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
