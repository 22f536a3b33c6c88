package io.shardline.datanode.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.ManualClock;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.storage.Tombstone;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A delete (DROP MEASUREMENT, DROP SERIES, DELETE) answers only once every owner answered: a read on any node
 * right after it no longer sees what it removed; an owner that cannot be reached gets it through hinted handoff.
 */
class TombstoneWriterTest {

    private static final long SHARD = 7;

    private final List<Long> applied = new CopyOnWriteArrayList<>();
    private final List<Long> queuedFor = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ShardWriteResult> remote = new CompletableFuture<>();
    private final WritesInFlight inFlight = new WritesInFlight();

    private TombstoneWriter writer() {
        TreeMap<String, RetentionPolicyInfo> rps = new TreeMap<>();
        rps.put("autogen", new RetentionPolicyInfo("autogen", 0, 3_600_000_000_000L, 2, List.of(
                new ShardGroupInfo(1, 0, 3_600_000_000_000L, 0, 0, List.of(new ShardInfo(SHARD, List.of(1L, 2L)))))));
        TreeMap<String, DatabaseInfo> dbs = new TreeMap<>();
        dbs.put("db", new DatabaseInfo("db", "autogen", rps));
        ClusterMetadata view = new ClusterMetadata(List.of(), List.of(new NodeInfo(1, "d1:8088", "d1:8086"),
                new NodeInfo(2, "d2:8088", "d2:8086")), dbs, 2, 1, SHARD, 1);
        WriteTopology topology = new WriteTopology() {
            @Override
            public long localNodeId() {
                return 1;
            }

            @Override
            public ClusterMetadata metadata() {
                return view;
            }

            @Override
            public ClusterMetadata createShardGroup(String database, String retentionPolicy, long timestamp) {
                throw new UnsupportedOperationException();
            }
        };
        Handoff handoff = new Handoff() {
            @Override
            public boolean hasPending(long nodeId, long shardId) {
                return false;
            }

            @Override
            public void enqueue(long nodeId, long shardId, byte[] encodedBatch, int points) {
                queuedFor.add(nodeId);
            }
        };
        ShardTransport transport = (nodeId, batches, timeoutMillis) -> remote;
        return new TombstoneWriter(topology, batch -> applied.add(batch.shardId()), transport, handoff,
                new ManualClock(), Duration.ofMinutes(1), false, Runnable::run, inFlight, new StatsRegistry());
    }

    private CompletableFuture<Void> deleteAsync(TombstoneWriter w) {
        return CompletableFuture.runAsync(() -> w.delete(List.of(new TombstoneBatch(SHARD,
                Tombstone.dropMeasurement("mem", 1))), ConsistencyLevel.ONE));
    }

    @Test
    void answersOnlyAfterTheOtherOwnerApplied() throws Exception {
        CompletableFuture<Void> delete = deleteAsync(writer());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applied.contains(SHARD));
        // the local owner applied it; the remote owner has not answered, so the delete has not answered either
        // (nothing else could complete it: the deadline is a minute of a manual clock away)
        assertThat(delete).isNotDone();
        // in flight under the view it was routed by (version 1) until the other owner answers
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inFlight.oldestViewVersion() == 1);
        remote.complete(null);
        delete.get(30, TimeUnit.SECONDS);
        assertThat(queuedFor).isEmpty();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> inFlight.oldestViewVersion() == WritesInFlight.NONE);
    }

    @Test
    void anUnreachableOwnerGetsItThroughHintedHandoffAndTheDeleteSucceeds() throws Exception {
        CompletableFuture<Void> delete = deleteAsync(writer());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applied.contains(SHARD));
        remote.completeExceptionally(new ShardlineException(ErrorCode.UNAVAILABLE, "node 2 unreachable"));
        delete.get(30, TimeUnit.SECONDS);
        assertThat(queuedFor).containsExactly(2L);
        // queued in hinted handoff counts as answered: nothing is left in flight
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> inFlight.oldestViewVersion() == WritesInFlight.NONE);
    }
}
