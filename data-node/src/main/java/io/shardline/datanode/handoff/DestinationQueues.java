package io.shardline.datanode.handoff;

import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The hinted-handoff queues this node holds for one destination data node, one per shard, under
 * {@code <hh dir>/<node id>/<shard id>/}, with their statistics ({@code hh_processor} per queue,
 * {@code hh_node} per destination). Thread-safe: queues are created on demand by writers and read
 * by the destination's processor.
 */
final class DestinationQueues {

    private static final long SEGMENT_BYTES = 10L << 20;

    private final long nodeId;
    private final Path dir;
    private final StatsRegistry stats;
    private final LongSupplier nowMillis;
    private final Map<Long, HandoffQueue> queues = new ConcurrentSkipListMap<>();

    DestinationQueues(long nodeId, Path dir, StatsRegistry stats, LongSupplier nowMillis) {
        this.nodeId = nodeId;
        this.dir = dir;
        this.stats = stats;
        this.nowMillis = nowMillis;
        stats.statistic("hh_node", Map.of("node", Long.toString(nodeId))).gauge("queueTotalSize", this::bytes)
                .gauge("queueDepth", this::segments).gauge("oldestEntryAgeMs", this::oldestAgeMillis);
    }

    /** Opens the queues a previous run left on disk. */
    void openExisting() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> shards = Files.list(dir)) {
            for (Path p : shards.filter(Files::isDirectory).toList()) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    queue(Long.parseLong(name));
                }
            }
        }
    }

    long nodeId() {
        return nodeId;
    }

    /** The queue for {@code shardId}, opened or created on first use. */
    HandoffQueue queue(long shardId) {
        return queues.computeIfAbsent(shardId, id -> {
            HandoffQueue q = HandoffQueue.open(dir.resolve(Long.toString(id)), SEGMENT_BYTES);
            Statistic s = processorStats(id).counters("writeShardReq", "writeShardReqPoints", "bytesWritten", "bytesRead",
                    "writeNodeReq", "writeNodeReqFail", "writeNodeReqPoints", "writeBlocked", "writeDropped", "writePurged");
            s.gauge("queueBytes", q::bytes).gauge("queueDepth", q::segmentCount).gauge("truncatedBytes", q::truncatedBytes)
                    .gauge("oldestEntryAgeMs", () -> age(q.oldestEnqueuedMillis()));
            return q;
        });
    }

    Statistic processorStats(long shardId) {
        return stats.statistic("hh_processor", tags(shardId));
    }

    boolean hasPending(long shardId) {
        HandoffQueue q = queues.get(shardId);
        return q != null && !q.isEmpty();
    }

    /** Queues that hold undelivered entries, in shard order. */
    List<Map.Entry<Long, HandoffQueue>> nonEmpty() {
        return queues.entrySet().stream().filter(e -> !e.getValue().isEmpty()).toList();
    }

    /** Undelivered bytes for this destination over all its shards (compared with {@code max-size}). */
    long bytes() {
        long total = 0;
        for (HandoffQueue q : queues.values()) {
            total += q.bytes();
        }
        return total;
    }

    private long segments() {
        long total = 0;
        for (HandoffQueue q : queues.values()) {
            total += q.segmentCount();
        }
        return total;
    }

    /** Age of the oldest undelivered entry of any shard, 0 when nothing is queued. */
    private long oldestAgeMillis() {
        long oldest = 0;
        for (HandoffQueue q : queues.values()) {
            oldest = Math.max(oldest, age(q.oldestEnqueuedMillis()));
        }
        return oldest;
    }

    private long age(long enqueuedMillis) {
        return enqueuedMillis == 0 ? 0 : Math.max(0, nowMillis.getAsLong() - enqueuedMillis);
    }

    /** Drops entries enqueued before {@code cutoffMillis}; returns how many. */
    int purgeOlderThan(long cutoffMillis) {
        int purged = 0;
        for (Map.Entry<Long, HandoffQueue> e : queues.entrySet()) {
            int n = e.getValue().purgeOlderThan(cutoffMillis);
            if (n > 0) {
                processorStats(e.getKey()).add("writePurged", n);
                purged += n;
            }
        }
        return purged;
    }

    void close() {
        queues.values().forEach(HandoffQueue::close);
    }

    /** Deletes every queue of this destination and forgets its statistics. */
    void deleteAll() throws IOException {
        for (Map.Entry<Long, HandoffQueue> e : queues.entrySet()) {
            e.getValue().deleteAll();
            stats.remove("hh_processor", tags(e.getKey()));
        }
        queues.clear();
        stats.remove("hh_node", Map.of("node", Long.toString(nodeId)));
        if (Files.isDirectory(dir)) {
            try (Stream<Path> rest = Files.walk(dir)) {
                for (Path p : rest.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private Map<String, String> tags(long shardId) {
        return Map.of("node", Long.toString(nodeId), "shard", Long.toString(shardId),
                "path", dir.resolve(Long.toString(shardId)).toString());
    }
}
