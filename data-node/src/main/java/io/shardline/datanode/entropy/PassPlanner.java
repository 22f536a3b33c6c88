package io.shardline.datanode.entropy;

import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides one anti-entropy pass from a {@link PassInput}, without I/O. For every shard the view says
 * this node owns (groups that are deleted or expired are left alone, as InfluxDB 1.8 ignores expired
 * shards):
 * <ul>
 *   <li>open here and owned by others too: compare with the next owners in {@link OwnerOrder}, live
 *       ones only (the first that answers is used);</li>
 *   <li>absent here: with {@code auto-repair-missing}, look for it on the other live owners in order
 *       (a shard that was never written is absent everywhere and needs nothing); with no other live
 *       owner, or as the only owner (RF 1), it cannot be restored and is reported {@code missing} if
 *       this node held it before;</li>
 *   <li>failed to open here: left to the operator ({@code /shard-status} reports it).</li>
 * </ul>
 * Groups that start in the future are not looked for (nothing has been written to them). Pure.
 */
final class PassPlanner {

    private PassPlanner() {
    }

    static PassPlan plan(PassInput in) {
        if (in.self() == 0 || in.view().version() == 0) {
            return PassPlan.EMPTY;
        }
        List<PassPlan.Check> checks = new ArrayList<>();
        List<PassPlan.Absent> absent = new ArrayList<>();
        List<ShardLocation> unrestorable = new ArrayList<>();
        Set<Long> owned = new HashSet<>();
        for (ShardLocation location : in.view().shards().ownedBy(in.self())) {
            if (!active(in, location)) {
                continue;
            }
            long id = location.shardId();
            owned.add(id);
            List<Long> order = OwnerOrder.of(id, location.shard().owners());
            List<Long> others = OwnerOrder.othersAfter(order, in.self()).stream().filter(in::live).toList();
            if (in.localShards().contains(id)) {
                if (order.size() >= 2 && !others.isEmpty()) {
                    checks.add(new PassPlan.Check(location, others));
                }
            } else if (!in.failedShards().contains(id) && location.group().startTime() <= in.nowNanos()) {
                boolean held = in.heldBefore().contains(id);
                if (others.isEmpty()) {
                    if (held) {
                        unrestorable.add(location);
                    }
                } else if (in.autoRepairMissing()) {
                    absent.add(new PassPlan.Absent(location, others, held));
                }
            }
        }
        return new PassPlan(checks, absent, unrestorable, owned);
    }

    /** Whether the shard's group still holds data: not deleted and not expired at {@code now}. */
    private static boolean active(PassInput in, ShardLocation location) {
        ShardGroupInfo group = location.group();
        if (group.deleted()) {
            return false;
        }
        Optional<RetentionPolicyInfo> rp = in.view().metadata().retentionPolicy(location.database(),
                location.retentionPolicy());
        return rp.isEmpty() || !rp.get().expired(group, in.nowNanos());
    }
}
