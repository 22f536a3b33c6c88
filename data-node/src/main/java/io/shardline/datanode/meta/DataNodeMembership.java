package io.shardline.datanode.meta;

import io.shardline.common.ShardlineVersion;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.time.Clock;
import io.shardline.config.data.MetaClientConfig;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.client.MetaClientSettings;
import io.grpc.ClientInterceptor;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.shardline.common.rpc.RpcCredentials;
import io.shardline.meta.model.NodeInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data node's membership in the cluster: starts the {@link MetaClient} (which serves the cached
 * view at once, even while meta has no quorum), registers the node ({@code AddDataNode}, idempotent by
 * TCP address) and keeps its id and meta servers in {@code [meta] dir}, then announces the node every
 * gossip period. Registration and announcements run in the background on one thread and retry, so
 * start-up never waits for the meta cluster. Thread-safe accessors; lifecycle on the node's thread.
 */
public final class DataNodeMembership implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(DataNodeMembership.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final SslContext metaTls;
    private final MetaClientConfig config;
    private final String tcpAddress;
    private final String httpAddress;
    private final Duration gossipFrequency;
    private final Clock clock;
    private final NodeIdentityStore store;
    private final boolean https;
    private final LifecycleGuard guard = new LifecycleGuard("data node membership");
    private final AtomicReference<NodeIdentity> identity = new AtomicReference<>(NodeIdentity.NONE);
    private final AtomicReference<MetaClient> client = new AtomicReference<>();
    private ScheduledExecutorService executor;

    /**
     * @param https the HTTP API is HTTPS (announced, so {@code /show-cluster} gives its scheme)
     * @param metaTls TLS context of the channels to the meta nodes ({@code meta-tls-enabled}), null for plaintext
     */
    public DataNodeMembership(MetaClientConfig config, String tcpAddress, String httpAddress, boolean https,
                              Duration gossipFrequency, Clock clock, SslContext metaTls) {
        this.https = https;
        this.metaTls = metaTls;
        this.config = config;
        this.tcpAddress = tcpAddress;
        this.httpAddress = httpAddress;
        this.gossipFrequency = gossipFrequency;
        this.clock = clock;
        this.store = new NodeIdentityStore(config.dir());
    }

    @Override
    public String name() {
        return "data node membership";
    }

    @Override
    public void start() {
        guard.markStarted();
        NodeIdentity stored = store.load();
        List<String> servers = config.metaServers().isEmpty() ? stored.metaServers() : config.metaServers();
        identity.set(new NodeIdentity(stored.nodeId(), servers));
        executor = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("meta-membership", true));
        if (servers.isEmpty()) {
            LOG.info("No meta servers known; waiting to be added to a cluster with add-data tcp={}", tcpAddress);
            return;
        }
        connect(servers);
    }

    /**
     * Joins this node to the cluster whose meta nodes serve MetaService at {@code metaServers} (the
     * call {@code add-data} will make): remembers them and registers in the background.
     */
    public void joinCluster(List<String> metaServers) {
        guard.checkRunning();
        identity.updateAndGet(id -> new NodeIdentity(id.nodeId(), metaServers));
        MetaClient existing = client.get();
        if (existing != null) {
            existing.useServers(metaServers);
        } else {
            connect(metaServers);
        }
    }

    private void connect(List<String> servers) {
        MetaClient c = new MetaClient(MetaClientSettings.of(servers, config.dir()), internalCredentials(), metaTls).start();
        client.set(c);
        LOG.info("Meta client started servers={} nodeId={} viewVersion={}", servers, identity.get().nodeId(),
                c.view().version());
        executor.scheduleWithFixedDelay(this::tick, 0, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** With {@code [meta] meta-auth-enabled}, every call to the meta nodes carries an internal token. */
    private List<ClientInterceptor> internalCredentials() {
        return config.metaAuthEnabled()
                ? List.of(RpcCredentials.internalToken(tcpAddress, config.metaInternalSharedSecret(), clock))
                : List.of();
    }

    private long lastAnnounceNanos;
    private boolean announced;
    /** The last refusal logged, so it is said once; only the membership thread touches it. */
    private String refusal;

    private void tick() {
        MetaClient c = client.get();
        try {
            NodeIdentity id = identity.get();
            if (!id.registered() || !id.metaServers().equals(c.servers())) {
                register(c);
                return;
            }
            long now = clock.monotonicNanos();
            if (!announced || now - lastAnnounceNanos >= gossipFrequency.toNanos()) {
                c.announce(id.nodeId(), ShardlineVersion.influxVersionHeader(), tcpAddress, httpAddress, https);
                lastAnnounceNanos = now;
                announced = true;
            }
            refusal = null;
        } catch (ShardlineException e) {
            if (e.code() == ErrorCode.UNAUTHENTICATED) {
                // an operator must act; said once per distinct refusal, not every round
                if (!e.getMessage().equals(refusal)) {
                    LOG.error("Meta nodes refused this node's credentials; check [meta] meta-auth-enabled and"
                            + " meta-internal-shared-secret error=\"{}\"", e.getMessage());
                    refusal = e.getMessage();
                }
                return;
            }
            LOG.warn("Meta nodes unreachable; serving from the cached cluster view version={} error={}",
                    c.view().version(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Meta membership round failed", e);
        }
    }

    private void register(MetaClient c) {
        NodeInfo node = c.changes().addDataNode(tcpAddress, httpAddress);
        NodeIdentity previous = identity.get();
        NodeIdentity next = new NodeIdentity(node.id(), c.servers());
        store.save(next);
        identity.set(next);
        if (previous.nodeId() != node.id()) {
            LOG.info("Registered data node id={} tcp={} http={}", node.id(), tcpAddress, httpAddress);
        }
    }

    /** This node's id, 0 until registered. */
    public long nodeId() {
        return identity.get().nodeId();
    }

    /** The cluster view (empty before any metadata is known). */
    public ClusterView view() {
        MetaClient c = client.get();
        return c == null ? ClusterView.EMPTY : c.view();
    }

    /** Reads the metadata from meta into the view now (blocking); nothing while the node has no meta servers. */
    public void refreshView() {
        MetaClient c = client.get();
        if (c != null) {
            c.metadata();
        }
    }

    /** The meta client, or null while the node has no meta servers. */
    public MetaClient metaClient() {
        return client.get();
    }

    @Override
    public void close() {
        if (guard.markClosed()) {
            if (executor != null) {
                executor.shutdownNow();
            }
            MetaClient c = client.getAndSet(null);
            if (c != null) {
                c.close();
            }
        }
    }
}
