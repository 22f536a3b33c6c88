package io.shardline.benchmarks.entropy;

import io.shardline.common.net.HostPort;
import io.shardline.common.rpc.GrpcServer;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.common.unit.ByteSize;
import io.shardline.config.Config;
import io.shardline.config.data.AntiEntropyConfig;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.datanode.entropy.EntropyNode;
import io.shardline.datanode.entropy.EntropyStats;
import io.shardline.datanode.entropy.rpc.EntropyRpcServer;
import io.shardline.datanode.entropy.rpc.GrpcEntropyPeers;
import io.shardline.datanode.rpc.DataNodeRpcService;
import io.shardline.datanode.rpc.PeerChannels;
import io.shardline.meta.client.ClusterView;
import io.shardline.model.Hlc;
import io.shardline.storage.rocks.RocksShardEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One data node's anti-entropy stack without a meta cluster, for the figures: a RocksDB shard
 * engine in its own directory, its {@link EntropyNode}, and the gRPC service the other node calls
 * (real {@code Entropy*} RPCs on loopback). The cluster view is shared and set once every node's port
 * is known. Not thread-safe; close it.
 */
final class BenchNode implements AutoCloseable {

    final long id;
    final RocksShardEngine engine;
    final EntropyStats stats = new EntropyStats(new StatsRegistry());
    final GrpcServer server;
    final EntropyNode ae;
    private final PeerChannels channels = new PeerChannels(Duration.ZERO, Duration.ofSeconds(1), List.of());

    BenchNode(long id, Path dir, AntiEntropyConfig config, AtomicReference<ClusterView> view) {
        this.id = id;
        StorageConfig storage = StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION)
                .with(StorageConfig.DIR, dir.resolve("data").toString())
                .with(StorageConfig.WAL_DIR, dir.resolve("wal").toString())
                .with(StorageConfig.WAL_FSYNC_DELAY, Duration.ofMillis(100))
                .with(StorageConfig.BLOCK_CACHE_SIZE, ByteSize.parse("256m")));
        engine = new RocksShardEngine(storage, Clock.system());
        engine.start();
        ae = new EntropyNode(config, engine, view::get, () -> id, new GrpcEntropyPeers(channels,
                () -> view.get().metadata()), null, () -> null, Clock.system(), stats, dir.resolve("meta"));
        server = new GrpcServer("rpc", HostPort.parse("127.0.0.1:0"), "bind-address")
                .addService(new DataNodeRpcService(null, new Hlc(Clock.system()), new StatsRegistry())
                        .withEntropy(new EntropyRpcServer(() -> ae)));
        server.start();
    }

    static AntiEntropyConfig config(Duration settle) {
        return new AntiEntropyConfig(true, Duration.ofSeconds(30), 10, 1, true, false, settle, 256L << 20);
    }

    String address() {
        return server.boundAddress().toString();
    }

    /** Runs the node's queued jobs on this thread until none is left; returns how many ran. */
    int drain() {
        int n = 0;
        for (List<Runnable> jobs = ae.takeJobs(); !jobs.isEmpty(); jobs = ae.takeJobs()) {
            for (Runnable job : jobs) {
                job.run();
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        channels.close();
        server.close();
        engine.close();
    }
}
