package io.shardline.datanode.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.random.RandomGenerator;

/**
 * The order in which a coordinator asks a shard's owners, as InfluxDB Enterprise does: this node first when it
 * owns the shard, then the other owners in random order (spreading load), those that recently failed last. With
 * a chosen node ({@code node=} on {@code /query}) only that node, if it owns the shard. Stateless.
 */
public final class ReplicaOrder {

    private ReplicaOrder() {
    }

    /**
     * @param onlyNode 0 for any owner, else the one node to read from
     * @param suspect whether a node recently failed to answer
     */
    public static List<Long> order(List<Long> owners, long self, long onlyNode, LongPredicate suspect,
            RandomGenerator random) {
        if (onlyNode != 0) {
            return owners.contains(onlyNode) ? List.of(onlyNode) : List.of();
        }
        List<Long> healthy = new ArrayList<>();
        List<Long> suspects = new ArrayList<>();
        for (long owner : owners) {
            if (owner != self) {
                (suspect.test(owner) ? suspects : healthy).add(owner);
            }
        }
        shuffle(healthy, random);
        shuffle(suspects, random);
        List<Long> out = new ArrayList<>(owners.size());
        if (owners.contains(self)) {
            out.add(self);
        }
        out.addAll(healthy);
        out.addAll(suspects);
        return out;
    }

    private static void shuffle(List<Long> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }
}
