package io.shardline.meta.ratis;

import io.shardline.common.lifecycle.NamedThreadFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.proto.RaftProtos.ServerRpcProto;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver of {@link FollowerLinks}: once a second, on the leader, reads how long each follower
 * has been silent and makes Ratis drop the connection to a stalled one ({@code handleException}
 * with reconnect), so the next append dials afresh. Its own thread; start once, close once.
 */
final class RaftLinkWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RaftLinkWatch.class);
    static final long PERIOD_MILLIS = 1000;

    private final Supplier<RaftServer.Division> division;
    private final FollowerLinks links;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            new NamedThreadFactory("raft-links", true));
    private long ticks;

    RaftLinkWatch(Supplier<RaftServer.Division> division, long stallAfterMillis) {
        this.division = division;
        this.links = new FollowerLinks(stallAfterMillis);
    }

    void start() {
        timer.scheduleWithFixedDelay(this::check, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            ticks++;
            RaftServer.Division d = division.get();
            if (d == null || !d.getInfo().isLeader()) {
                links.clear();
                return;
            }
            RoleInfoProto role = d.getInfo().getRoleInfoProto();
            Map<String, Long> silent = new HashMap<>();
            for (ServerRpcProto follower : role.getLeaderInfo().getFollowerInfoList()) {
                silent.put(follower.getId().getId().toStringUtf8(), follower.getLastRpcElapsedTimeMs());
            }
            for (FollowerLinks.Reset reset : links.toReset(silent, ticks * PERIOD_MILLIS)) {
                if (reset.first()) {
                    LOG.info("Raft follower silent, reconnecting follower={} silentMs={}", reset.follower(),
                            reset.silentMillis());
                }
                d.getRaftServer().getServerRpc().handleException(RaftPeerId.valueOf(reset.follower()),
                        new IOException("no answer for " + reset.silentMillis() + " ms"), true);
            }
        } catch (RuntimeException e) {
            LOG.warn("Raft link check failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
