package io.shardline.datanode.entropy;

import java.util.ArrayList;
import java.util.List;

/**
 * When a push-only repair has gone round: the visited list carries the path of one repair, the
 * owner that started it first and each owner that received a patch after it, so {@code A, B, A} for
 * RF 2 and {@code A, B, C, A, B} for RF 3. Each push sends what the receiver lacks, so after the
 * first {@code n - 1} pushes the last owner holds everything and the next {@code n - 1} pushes hand
 * it to the others: {@code 2n - 2} pushes in all, a path of {@code 2n - 1} nodes. A shard with fewer
 * than two owners needs no repair. Pure and stateless.
 *
 * <pre>
 *   RF 2:  A --patch--> B --patch--> A                       (2 pushes)
 *   RF 3:  A --> B --> C --> A --> B                          (4 pushes: C has all after 2, A and B after 4)
 * </pre>
 */
public final class RepairChain {

    private RepairChain() {
    }

    /** Pushes a repair of a shard with {@code owners} owners takes. */
    public static int pushes(int owners) {
        return owners < 2 ? 0 : 2 * owners - 2;
    }

    /** Pushes still to do after the path {@code visited} (a fresh request has an empty path). */
    public static int remaining(List<Long> visited, int owners) {
        int done = visited.isEmpty() ? 0 : visited.size() - 1;
        return Math.max(0, pushes(owners) - done);
    }

    /** The path a node sends with its push: {@code visited}, with itself appended if it is a fresh start. */
    public static List<Long> pathForPush(List<Long> visited, long self) {
        if (!visited.isEmpty() && visited.get(visited.size() - 1) == self) {
            return List.copyOf(visited);
        }
        List<Long> path = new ArrayList<>(visited);
        path.add(self);
        return List.copyOf(path);
    }

    /** The path after {@code receiver} got the push of the last node of {@code sent}. */
    public static List<Long> received(List<Long> sent, long receiver) {
        List<Long> path = new ArrayList<>(sent);
        path.add(receiver);
        return List.copyOf(path);
    }

    /** Whether the receiver at the end of {@code path} must push again (queue the next hop). */
    public static boolean continuesAfter(List<Long> path, int owners) {
        return remaining(path, owners) > 0;
    }
}
