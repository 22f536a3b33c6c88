package io.shardline.meta.ratis;

import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.proto.RaftProtos.ServerRpcProto;
import org.apache.ratis.server.RaftServer;

/**
 * The meta node's {@code raft} statistic, read from Ratis when reported: {@code term},
 * {@code commitIndex}, {@code appliedIndex}, {@code isLeader} (0/1), {@code peers} (members of the
 * configuration), {@code peersUp} (on the leader: itself plus followers heard from within
 * {@code 5 s}; 0 on followers), and the state machine's counters {@code leaderChanges},
 * {@code appliedEntries}, {@code applyDurationNs}, {@code snapshots}. Also the {@code meta}
 * statistic: the metadata's version, data nodes, databases and shards. Reads only; thread-safe.
 */
final class RaftStats {

    private static final long PEER_UP_MILLIS = 5_000;

    private RaftStats() {
    }

    static void register(StatsRegistry registry, Supplier<RaftServer.Division> division, MetaStateMachine machine) {
        Statistic raft = registry.statistic("raft");
        raft.gauge("term", () -> read(division, d -> d.getInfo().getCurrentTerm()))
                .gauge("commitIndex", () -> read(division, d -> d.getRaftLog().getLastCommittedIndex()))
                .gauge("appliedIndex", () -> Math.max(0, machine.getLastAppliedTermIndex().getIndex()))
                .gauge("isLeader", () -> read(division, d -> d.getInfo().isLeader() ? 1 : 0))
                .gauge("peers", () -> read(division, d -> d.getRaftConf().getCurrentPeers().size()))
                .gauge("peersUp", () -> read(division, RaftStats::peersUp))
                .gauge("leaderChanges", machine.leaderChanges::sum)
                .gauge("appliedEntries", machine.appliedEntries::sum)
                .gauge("applyDurationNs", machine.applyNanos::sum)
                .gauge("snapshots", machine.snapshots::sum);
        Statistic meta = registry.statistic("meta");
        meta.gauge("version", () -> machine.metadata().version())
                .gauge("dataNodes", () -> machine.metadata().dataNodes().size())
                .gauge("metaNodes", () -> machine.metadata().metaNodes().size())
                .gauge("databases", () -> machine.metadata().databases().size())
                .gauge("shards", () -> machine.metadata().shards().size());
    }

    private static long peersUp(RaftServer.Division d) {
        if (!d.getInfo().isLeader()) {
            return 0;
        }
        RoleInfoProto role = d.getInfo().getRoleInfoProto();
        long up = 1;
        for (ServerRpcProto follower : role.getLeaderInfo().getFollowerInfoList()) {
            if (follower.getLastRpcElapsedTimeMs() < PEER_UP_MILLIS) {
                up++;
            }
        }
        return up;
    }

    private static long read(Supplier<RaftServer.Division> division, ToLongFunction<RaftServer.Division> f) {
        RaftServer.Division d = division.get();
        return d == null ? 0 : f.applyAsLong(d);
    }
}
