package io.shardline.meta.client;

import io.grpc.ClientInterceptor;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.StatusRuntimeException;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.rpc.GrpcCalls;
import io.shardline.meta.rpc.MetadataCodec;
import io.shardline.meta.rpc.StatusCodec;
import io.shardline.proto.meta.AnnounceRequest;
import io.shardline.proto.meta.ChangeRequest;
import io.shardline.proto.meta.ChangeResponse;
import io.shardline.proto.meta.ClusterMetadataMessage;
import io.shardline.proto.meta.ClusterStatusRequest;
import io.shardline.proto.meta.GetMetadataRequest;
import io.shardline.proto.meta.MetaServiceGrpc;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client data nodes and shardline-ctl use to reach the meta cluster. Any reachable meta node
 * will do (it forwards writes to the Raft leader); a call that fails for want of a leader, quorum or
 * connection is retried on the next meta node with back-off until the operation timeout, then fails
 * with {@link ErrorCode#META_UNAVAILABLE}. It keeps the newest {@link ClusterView} in an atomic
 * reference, persists it (if given a directory) and reloads it on start, and follows the watch stream
 * so the view advances without polling.
 *
 * <p>Threading: every method is thread-safe. Operations block the calling thread. View updates are
 * serialized by one lock; listeners run under it, in version order, on the thread that brought the
 * update (the watch thread or a caller), and must not block.
 */
public final class MetaClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetaClient.class);

    private final MetaClientSettings settings;
    private final MetaEndpoints endpoints;
    private final ClusterViewStore store;
    private final AtomicReference<ClusterView> view = new AtomicReference<>(ClusterView.EMPTY);
    private final List<Consumer<ClusterView>> listeners = new CopyOnWriteArrayList<>();
    private final Object updateLock = new Object();
    private final LifecycleGuard guard = new LifecycleGuard("meta client");
    private WatchFollower watch;

    public MetaClient(MetaClientSettings settings) {
        this(settings, List.of());
    }

    /** @param interceptors run on every call (the credentials of {@code [meta] auth-enabled}) */
    public MetaClient(MetaClientSettings settings, List<ClientInterceptor> interceptors) {
        this(settings, interceptors, null);
    }

    /**
     * @param interceptors run on every call (the credentials of {@code [meta] auth-enabled})
     * @param tls          TLS context of the channels to the meta nodes, null for plaintext
     */
    public MetaClient(MetaClientSettings settings, List<ClientInterceptor> interceptors, SslContext tls) {
        this.settings = settings;
        this.endpoints = new MetaEndpoints(settings.servers(), interceptors, tls);
        this.store = settings.dir() == null ? null : new ClusterViewStore(settings.dir());
    }

    /** Loads the cached view (if any) and starts following the watch stream (if configured). */
    public MetaClient start() {
        guard.markStarted();
        if (store != null) {
            store.load().ifPresent(cached -> {
                view.set(cached);
                endpoints.learn(cached.metadata());
                LOG.info("Loaded cached cluster view version={}", cached.version());
            });
        }
        if (settings.watch()) {
            watch = new WatchFollower(endpoints, () -> view.get().version(), m -> offer(MetadataCodec.decode(m)),
                    settings);
            watch.start();
        }
        return this;
    }

    /** The newest view this client has; never null (empty before anything is known). */
    public ClusterView view() {
        return view.get();
    }

    /** Calls {@code listener} with every newer view from now on. */
    public void addListener(Consumer<ClusterView> listener) {
        listeners.add(listener);
    }

    /** The MetaService addresses this client knows. */
    public List<String> servers() {
        return endpoints.addresses();
    }

    /** Replaces the meta servers (this node was added to a cluster and told where its meta nodes are). */
    public void useServers(List<String> servers) {
        endpoints.replace(servers);
    }

    /** Takes {@code metadata} as the view if it is newer; persists it and tells the listeners. */
    public void offer(ClusterMetadata metadata) {
        synchronized (updateLock) {
            if (metadata.version() <= view.get().version()) {
                return;
            }
            ClusterView next = ClusterView.of(metadata);
            view.set(next);
            endpoints.learn(metadata);
            if (store != null) {
                try {
                    store.save(next);
                } catch (ShardlineException e) {
                    LOG.warn("Cannot persist cluster view: {}", e.getMessage());
                }
            }
            for (Consumer<ClusterView> listener : listeners) {
                listener.accept(next);
            }
        }
    }

    /** The whole metadata, read linearizably; the view advances to it. */
    public ClusterMetadata metadata() {
        ClusterMetadataMessage m = call("read metadata", stub -> GrpcCalls.<ClusterMetadataMessage>unary(o ->
                stub.getMetadata(GetMetadataRequest.getDefaultInstance(), o)));
        ClusterMetadata metadata = MetadataCodec.decode(m);
        offer(metadata);
        return metadata;
    }

    /** Nodes with liveness and the Raft leader and peers. */
    public ClusterStatus clusterStatus() {
        return StatusCodec.decode(call("read cluster status", stub -> GrpcCalls.unary(o ->
                stub.getClusterStatus(ClusterStatusRequest.getDefaultInstance(), o))));
    }

    /** Sends one change and returns the value it produced (see {@link MetaChanges}). */
    ChangeResponse change(ChangeRequest request) {
        return call("change metadata", stub -> GrpcCalls.<ChangeResponse>unary(o -> stub.change(request, o)));
    }

    /** The typed metadata operations (databases, policies, shard groups, nodes, owners). */
    public MetaChanges changes() {
        return new MetaChanges(this);
    }

    /** Tells the meta leader this node is alive, with its version and addresses (an HTTP API). */
    public void announce(long nodeId, String version, String tcpAddress, String httpAddress) {
        announce(nodeId, version, tcpAddress, httpAddress, false);
    }

    /** Tells the meta leader this node is alive, with its version and addresses; {@code https}: its API's scheme. */
    public void announce(long nodeId, String version, String tcpAddress, String httpAddress, boolean https) {
        AnnounceRequest request = AnnounceRequest.newBuilder().setNodeId(nodeId).setVersion(version)
                .setTcpAddress(tcpAddress).setHttpAddress(httpAddress).setHttps(https).build();
        call("announce", stub -> GrpcCalls.<io.shardline.proto.meta.AnnounceResponse>unary(o -> stub.announce(request, o)));
    }

    /**
     * Runs one call, retrying on the next meta node while the failure is transient.
     *
     * @throws ShardlineException the server's error, or {@code META_UNAVAILABLE} once the
     *     operation timeout has passed
     */
    <T> T call(String what, Function<MetaServiceGrpc.MetaServiceStub, java.util.concurrent.CompletableFuture<T>> rpc) {
        return call(what, rpc, settings.attemptTimeout());
    }

    /** Like {@link #call(String, Function)} with a longer attempt for slow operations (membership changes). */
    <T> T call(String what, Function<MetaServiceGrpc.MetaServiceStub, java.util.concurrent.CompletableFuture<T>> rpc,
               Duration attemptTimeout) {
        guard.checkRunning();
        long deadline = settings.clock().monotonicNanos() + settings.operationTimeout().toNanos();
        String lastError = "no meta server configured";
        for (int attempt = 0; ; attempt++) {
            String address = endpoints.current();
            if (address != null) {
                try {
                    return attempt(address, rpc, attemptTimeout);
                } catch (ShardlineException e) {
                    if (e.code() != ErrorCode.META_UNAVAILABLE && e.code() != ErrorCode.NOT_LEADER) {
                        throw e;
                    }
                    lastError = address + ": " + e.getMessage();
                }
                endpoints.failed(address);
            }
            Duration pause = settings.backoff().delay(Math.min(attempt, 10));
            if (settings.clock().monotonicNanos() + pause.toNanos() >= deadline) {
                throw new ShardlineException(ErrorCode.META_UNAVAILABLE, "meta service unavailable: cannot "
                        + what + " (" + lastError + ")");
            }
            pause(pause);
        }
    }

    private <T> T attempt(String address,
                          Function<MetaServiceGrpc.MetaServiceStub, java.util.concurrent.CompletableFuture<T>> rpc,
                          Duration attemptTimeout) {
        long timeout = attemptTimeout.toMillis();
        MetaServiceGrpc.MetaServiceStub stub = MetaServiceGrpc.newStub(endpoints.channel(address))
                .withDeadlineAfter(timeout, TimeUnit.MILLISECONDS);
        try {
            return rpc.apply(stub).get(timeout + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            ShardlineException server = RpcErrors.fromStatus(e.getCause());
            if (server != null) {
                throw server;
            }
            String detail = e.getCause() instanceof StatusRuntimeException sre ? sre.getStatus().toString()
                    : String.valueOf(e.getCause());
            throw new ShardlineException(ErrorCode.META_UNAVAILABLE, detail, e.getCause());
        } catch (TimeoutException e) {
            throw new ShardlineException(ErrorCode.META_UNAVAILABLE, "no answer within " + timeout + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShardlineException(ErrorCode.CANCELLED, "interrupted while waiting for the meta service", e);
        }
    }

    private void pause(Duration d) {
        try {
            settings.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShardlineException(ErrorCode.CANCELLED, "interrupted while waiting for the meta service", e);
        }
    }

    @Override
    public void close() {
        if (guard.markClosed()) {
            if (watch != null) {
                watch.close();
            }
            endpoints.close();
        }
    }
}
