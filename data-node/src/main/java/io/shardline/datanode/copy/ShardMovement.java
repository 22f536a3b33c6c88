package io.shardline.datanode.copy;

import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.datanode.copy.rpc.GrpcShardSource;
import io.shardline.datanode.copy.rpc.ShardAdminRpc;
import io.shardline.datanode.meta.DataNodeMembership;
import io.shardline.datanode.rpc.PeerChannels;
import io.shardline.datanode.write.WritesInFlight;
import io.shardline.storage.ShardEngine;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Shard movement on a data node, wired once by the node's composition root: the copier (copies onto
 * this node, also anti-entropy's way to restore a missing shard), shard administration, the source
 * side of copies, and the gRPC handlers of the copy-shard / shard-admin RPCs. Owns the copy and
 * sender threads; closing kills running copies (they roll back) and stops the threads. Built and
 * closed by the node's thread.
 */
public final class ShardMovement implements Service {

    /** Longest wait for views to follow an owner change. */
    static final Duration VIEW_WAIT = Duration.ofSeconds(10);
    /**
     * Pause before each catch-up pass, for writes in flight when the views changed, where some data node
     * cannot tell whether it still has such writes (an older build, or one that did not answer).
     */
    static final Duration GRACE = Duration.ofMillis(250);
    private static final Duration DIGEST_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration SNAPSHOT_IDLE = Duration.ofMinutes(2);

    private final LifecycleGuard guard = new LifecycleGuard("shard movement");
    private final ExecutorService copies = Executors.newCachedThreadPool(new NamedThreadFactory("shard-copy", true));
    private final ExecutorService senders = Executors.newCachedThreadPool(new NamedThreadFactory("shard-send", true));
    private final ShardWriteGate gate;
    private final ShardCopier copier;
    private final ShardAdminRpc rpc;

    /**
     * @param engine the node's shard engine (not the gated view)
     * @param gate the gate the write path's engine view was made with
     * @param hotWindow a replica written within this long is hot ({@code [data] block-rewrite-cold-duration})
     * @param writes the writes this node coordinates that are still in flight
     */
    public ShardMovement(ShardEngine engine, ShardWriteGate gate, DataNodeMembership membership, String tcpAddress,
                         String httpAddress, PeerChannels channels, Duration hotWindow, WritesInFlight writes,
                         Clock clock, StatsRegistry stats) {
        this.gate = gate;
        CopyMeta meta = new MembershipCopyMeta(membership);
        GrpcShardSource sources = new GrpcShardSource(channels, DIGEST_TIMEOUT, SNAPSHOT_IDLE);
        this.copier = new ShardCopier(engine, gate, sources, meta, sources, tcpAddress, clock, VIEW_WAIT, GRACE, copies);
        ShardAdmin admin = new ShardAdmin(engine, gate, copier, meta, tcpAddress, hotWindow, VIEW_WAIT, clock);
        this.rpc = new ShardAdminRpc(copier, admin, new OutgoingCopies(), membership, writes, tcpAddress, httpAddress,
                clock, senders, stats);
    }

    @Override
    public String name() {
        return "shard movement";
    }

    @Override
    public void start() {
        guard.markStarted();
    }

    /** The gate whose {@link ShardWriteGate#guard} view the write path must use. */
    public ShardWriteGate gate() {
        return gate;
    }

    /** Copies onto this node. */
    public ShardCopier copier() {
        return copier;
    }

    /** The handlers of the copy-shard / shard-admin methods of DataNodeService. */
    public ShardAdminRpc rpc() {
        return rpc;
    }

    @Override
    public void close() {
        if (guard.markClosed()) {
            copier.killAll();
            copies.shutdown();
            senders.shutdownNow();
            try {
                copies.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            copies.shutdownNow();
        }
    }
}
