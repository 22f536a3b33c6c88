package io.shardline.datanode;

import io.shardline.common.http.HttpServer;
import io.shardline.common.io.Directories;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.lifecycle.ServiceGroup;
import io.shardline.common.net.HostPort;
import io.shardline.common.rpc.GrpcServer;
import io.shardline.common.time.Clock;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.datanode.http.DataNodeHttpApi;
import io.shardline.datanode.meta.DataNodeMembership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of a data node: prepares its directories, then starts its services in order
 * and opens the public HTTP API last, so the node takes traffic only when it is ready. Closing
 * stops them in reverse order. Started and closed by one thread.
 */
public final class DataNode implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(DataNode.class);

    private final DataNodeConfig config;
    private final Clock clock;
    private final LifecycleGuard guard = new LifecycleGuard("data node");
    private final ServiceGroup services = new ServiceGroup("data node");
    private GrpcServer rpc;
    private DataNodeMembership membership;
    private HttpServer http;

    public DataNode(DataNodeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
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
        rpc = services.add(new GrpcServer("rpc", config.bindAddress(), "bind-address"));
        membership = services.add(new DataNodeMembership(config.meta(), config.advertisedTcpAddress().toString(),
                config.advertisedHttpAddress().toString(), config.gossipFrequency(), clock));
        if (config.http().enabled()) {
            DataNodeHttpApi api = new DataNodeHttpApi(clock);
            http = services.add(new HttpServer("http", config.http().bindAddress(), "[http] bind-address",
                    api.handler(), config.http().maxBodySize(), 8));
        }
        services.start();
        LOG.info("Data node started tcp={} http={}", rpc.boundAddress(), http == null ? "disabled" : http.boundAddress());
    }

    /** The node's membership in the cluster: its id, the meta client and the cached cluster view. */
    public DataNodeMembership membership() {
        return membership;
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
