package io.shardline.meta.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Assigns shard owners for a new shard group: {@code floor(N / RF)} shards, each owned by RF
 * consecutive data nodes of the id-sorted node list (cyclic), starting at a rotating index so that
 * consecutive groups continue the round robin where the previous one stopped. Stateless and pure.
 */
public final class ShardPlacement {

    private ShardPlacement() {
    }

    /** The replication factor actually used: {@code replicaN} clamped to {@code [1, nodeCount]}. */
    public static int effectiveReplicaN(int replicaN, int nodeCount) {
        return Math.max(1, Math.min(replicaN, nodeCount));
    }

    /** The number of shards of a new group: {@code floor(nodeCount / effective RF)}, 0 without nodes. */
    public static int shardCount(int nodeCount, int replicaN) {
        return nodeCount == 0 ? 0 : nodeCount / effectiveReplicaN(replicaN, nodeCount);
    }

    /**
     * Owners for each shard of a new group: shard {@code i} gets nodes
     * {@code start + i*RF .. start + i*RF + RF - 1} (mod N). {@code nodeIds} must be sorted and distinct.
     */
    public static List<List<Long>> assign(List<Long> nodeIds, int replicaN, long start) {
        int n = nodeIds.size();
        if (n == 0) {
            return List.of();
        }
        int rf = effectiveReplicaN(replicaN, n);
        int first = (int) Math.floorMod(start, (long) n);
        List<List<Long>> shards = new ArrayList<>();
        for (int shard = 0; shard < n / rf; shard++) {
            List<Long> owners = new ArrayList<>(rf);
            for (int replica = 0; replica < rf; replica++) {
                owners.add(nodeIds.get((first + shard * rf + replica) % n));
            }
            shards.add(List.copyOf(owners));
        }
        return List.copyOf(shards);
    }

    /**
     * The start index for the group of a policy beginning at {@code groupStart}. Slot
     * {@code k = floor(groupStart / groupDuration)} starts where slot {@code k-1} stopped
     * ({@code k * shards * RF}), so over N consecutive groups every node owns the same number of
     * replicas; a hash of the database and policy names offsets policies from one another so their
     * current groups do not all land on the same nodes.
     */
    public static long rotation(String database, String policy, long groupStart, long groupDuration,
                                int nodeCount, int replicaN) {
        if (nodeCount == 0) {
            return 0;
        }
        long slot = Math.floorDiv(groupStart, Math.max(1, groupDuration));
        long used = (long) shardCount(nodeCount, replicaN) * effectiveReplicaN(replicaN, nodeCount);
        long salt = Math.floorMod((database + '\u0000' + policy).hashCode(), nodeCount);
        return Math.floorMod(Math.floorMod(slot, nodeCount) * used + salt, (long) nodeCount);
    }
}
