package io.shardline.datanode.entropy;

import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic order in which anti-entropy walks a shard's owners: the owner ids sorted
 * ascending, then rotated left by {@code shardId mod n}. Every node computes the same order from the
 * same owners, and consecutive shards start on different nodes, so detection and repairs do not all
 * begin on one node. Example: owners {4, 5, 6} give shard 9 the order [4, 5, 6] (9 mod 3 = 0) and
 * shard 10 the order [5, 6, 4]. Pure and stateless.
 */
public final class OwnerOrder {

    private OwnerOrder() {
    }

    /** The owners of shard {@code shardId} in anti-entropy order. */
    public static List<Long> of(long shardId, List<Long> owners) {
        List<Long> sorted = new ArrayList<>(owners);
        sorted.sort(null);
        int n = sorted.size();
        if (n < 2) {
            return List.copyOf(sorted);
        }
        int shift = (int) Math.floorMod(shardId, (long) n);
        List<Long> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(sorted.get((i + shift) % n));
        }
        return List.copyOf(out);
    }

    /** The first owner, where every repair of the shard starts; -1 without owners. */
    public static long first(List<Long> order) {
        return order.isEmpty() ? -1 : order.get(0);
    }

    /** The owner after {@code node} (cyclically); -1 if {@code node} is not an owner or owns the shard alone. */
    public static long successor(List<Long> order, long node) {
        int i = order.indexOf(node);
        if (i < 0 || order.size() < 2) {
            return -1;
        }
        return order.get((i + 1) % order.size());
    }

    /** The other owners, starting with the successor of {@code node} and going round. */
    public static List<Long> othersAfter(List<Long> order, long node) {
        int i = order.indexOf(node);
        List<Long> out = new ArrayList<>();
        if (i < 0) {
            out.addAll(order);
            return out;
        }
        for (int k = 1; k < order.size(); k++) {
            out.add(order.get((i + k) % order.size()));
        }
        return out;
    }
}
