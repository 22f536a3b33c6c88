package io.shardline.meta;

import io.shardline.common.http.HttpServer;
import io.shardline.common.io.Directories;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.lifecycle.ServiceGroup;
import io.shardline.common.net.HostPort;
import io.shardline.common.rpc.GrpcServer;
import io.shardline.common.time.Clock;
import io.shardline.config.meta.MetaNodeConfig;
import io.shardline.meta.http.MetaStatusApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of a meta node: prepares its directory and starts the MetaService gRPC server
 * and the status HTTP port; closing stops them in reverse order. Started and closed by one thread.
 */
public final class MetaNode implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(MetaNode.class);

    private final MetaNodeConfig config;
    private final Clock clock;
    private final LifecycleGuard guard = new LifecycleGuard("meta node");
    private final ServiceGroup services = new ServiceGroup("meta node");
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
        Directories.ensureWritable(config.meta().dir(), "[meta] dir");
        api = services.add(new GrpcServer("meta-api", config.meta().httpBindAddress(), "[meta] http-bind-address"));
        MetaStatusApi statusApi = new MetaStatusApi(() -> new MetaStatusApi.Status("",
                config.advertisedApiAddress().toString(), config.advertisedRaftAddress().toString(), null));
        status = services.add(new HttpServer("status", config.meta().statusBindAddress(),
                "[meta] status-bind-address", statusApi.handler(), 1 << 20, 2));
        services.start();
        LOG.info("Meta node started api={} status={} clockMillis={}", api.boundAddress(), status.boundAddress(),
                clock.wallMillis());
    }

    public HostPort apiAddress() {
        return api.boundAddress();
    }

    public HostPort statusAddress() {
        return status.boundAddress();
    }

    @Override
    public void close() {
        if (guard.markClosed()) {
            services.close();
            LOG.info("Meta node stopped");
        }
    }
}
