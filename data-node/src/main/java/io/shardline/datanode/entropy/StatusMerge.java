package io.shardline.datanode.entropy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the entropy reports of several data nodes into the cluster's: one line per shard (both
 * owners of a differing shard report it; {@code diff} wins over {@code missing}), queues as the union,
 * everything by ascending shard id. Pure and stateless.
 */
final class StatusMerge {

    private StatusMerge() {
    }

    static EntropyReport merge(List<EntropyReport> reports, List<String> unreachable) {
        Map<Long, ShardEntropy> shards = new TreeMap<>();
        TreeSet<Long> queued = new TreeSet<>();
        TreeSet<Long> processing = new TreeSet<>();
        for (EntropyReport r : reports) {
            for (ShardEntropy s : r.shards()) {
                shards.merge(s.id(), s, (a, b) -> ShardEntropy.DIFF.equals(a.status()) ? a : b);
            }
            queued.addAll(r.queued());
            processing.addAll(r.processing());
        }
        List<String> down = new ArrayList<>(unreachable);
        reports.forEach(r -> down.addAll(r.unreachable()));
        return new EntropyReport(new ArrayList<>(shards.values()), new ArrayList<>(queued), new ArrayList<>(processing),
                List.of(), 0, down);
    }
}
