package io.shardline.datanode.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.ManualClock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.datanode.write.ShardBatch;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.model.Point;
import io.shardline.storage.memory.InMemoryShardEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A shard created after this node's view is written once the view is refreshed; older unknown shards are not. */
class StoreLocalShardsTest {

    private static final long HOUR = 3_600_000_000_000L;
    private static final long T0 = 1_700_000_000_000_000_000L / HOUR * HOUR;

    private final InMemoryShardEngine engine = new InMemoryShardEngine(
            StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION)), new ManualClock());

    /** Metadata whose database holds shards {@code 1..shards} (one group each), all owned by node 4. */
    private static ClusterView view(int shards, long version) {
        RetentionPolicyInfo rp = RetentionPolicyInfo.of("rp", 0, HOUR, 1);
        for (int s = 1; s <= shards; s++) {
            rp = rp.withShardGroup(new ShardGroupInfo(s, T0 + (s - 1) * HOUR, T0 + s * HOUR, 0, 0,
                    List.of(new ShardInfo(s, List.of(4L)))));
        }
        DatabaseInfo db = DatabaseInfo.empty("db").withRetentionPolicy(rp).withDefaultRetentionPolicy("rp");
        return ClusterView.of(new ClusterMetadata(List.of(), List.of(new NodeInfo(4, "127.0.0.1:1", "127.0.0.1:2")),
                new TreeMap<>(Map.of("db", db)), 4, shards, shards, version));
    }

    private static ShardBatch batch(long shard) {
        return new ShardBatch(shard, 1, List.of(Point.builder("cpu").floatField("v", 1)
                .timestamp(T0 + (shard - 1) * HOUR).build()));
    }

    @Test
    void aShardNewerThanTheViewIsWrittenAfterOneRefresh() {
        engine.start();
        AtomicReference<ClusterView> current = new AtomicReference<>(view(1, 10));
        AtomicInteger refreshes = new AtomicInteger();
        StoreLocalShards local = new StoreLocalShards(engine, current::get, () -> 4L, () -> {
            refreshes.incrementAndGet();
            current.set(view(2, 11)); // meta created shard 2 meanwhile
        });
        assertThat(local.write(batch(2)).written()).isEqualTo(1);
        assertThat(refreshes).hasValue(1);
        assertThat(local.write(batch(2)).written()).isEqualTo(1);
        assertThat(refreshes).as("known now: no second refresh").hasValue(1);
    }

    @Test
    void theShardStatisticsCountWhatTheStorageCreated() {
        engine.start();
        ShardStatistics stats = new ShardStatistics(engine, Path.of("/d"), Path.of("/w"));
        StoreLocalShards local = new StoreLocalShards(engine, () -> view(1, 10), () -> 4L, () -> { })
                .counting(stats);
        local.write(batch(1));
        local.write(new ShardBatch(1, 2, List.of(Point.builder("cpu").tag("host", "a").floatField("v", 2)
                .floatField("w", 3).timestamp(T0 + 1).build(), Point.builder("cpu").floatField("v", 4)
                .timestamp(T0 + 2).build())));
        Map<String, Object> shard = stats.collect().stream().filter(s -> s.name().equals("shard")).findFirst()
                .orElseThrow().values();
        assertThat(shard).containsEntry("writeReq", 2L).containsEntry("writePointsOk", 3L)
                .containsEntry("seriesCreate", 2L).containsEntry("fieldsCreate", 2L);
        assertThat((Long) shard.get("writeBytes")).isPositive();
    }

    @Test
    void anUnknownShardOlderThanTheViewIsRefusedWithoutAskingMeta() {
        engine.start();
        AtomicInteger refreshes = new AtomicInteger();
        // shard 2 was dropped: the view knows shard 1 only but has seen ids up to 3, so 2 is not new
        ClusterView v = ClusterView.of(withMaxShardId(view(1, 10).metadata(), 3));
        StoreLocalShards local = new StoreLocalShards(engine, () -> v, () -> 4L, refreshes::incrementAndGet);
        assertThatThrownBy(() -> local.write(batch(2))).isInstanceOfSatisfying(ShardlineException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void aRefreshThatFailsLeavesTheShardUnavailable() {
        engine.start();
        StoreLocalShards local = new StoreLocalShards(engine, () -> view(1, 10), () -> 4L, () -> {
            throw new ShardlineException(ErrorCode.META_UNAVAILABLE, "meta service unavailable");
        });
        assertThatThrownBy(() -> local.write(batch(2))).isInstanceOfSatisfying(ShardlineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo("shard 2 is not in this node's cluster view yet");
        });
    }

    @Test
    void aShardOfADeletedGroupIsRefusedForGoodAndNotRecreated() {
        engine.start();
        // retention marked group 1 deleted; the meta data keeps it (with deletedAt) for a while
        RetentionPolicyInfo rp = RetentionPolicyInfo.of("rp", 0, HOUR, 1).withShardGroup(new ShardGroupInfo(1, T0,
                T0 + HOUR, 0, T0 + 2 * HOUR, List.of(new ShardInfo(1, List.of(4L)))));
        DatabaseInfo db = DatabaseInfo.empty("db").withRetentionPolicy(rp).withDefaultRetentionPolicy("rp");
        ClusterView v = ClusterView.of(new ClusterMetadata(List.of(), List.of(new NodeInfo(4, "127.0.0.1:1",
                "127.0.0.1:2")), new TreeMap<>(Map.of("db", db)), 4, 1, 1, 12));
        StoreLocalShards local = new StoreLocalShards(engine, () -> v, () -> 4L, () -> { });
        assertThatThrownBy(() -> local.write(batch(1))).isInstanceOfSatisfying(ShardlineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(e.code().retriable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("shard 1 belongs to deleted shard group 1");
        });
        assertThat(engine.shards()).as("the write did not recreate the shard").isEmpty();
        assertThat(local.locate(1).shardId()).as("reads still locate it until it is pruned").isEqualTo(1);
    }

    private static ClusterMetadata withMaxShardId(ClusterMetadata m, long maxShardId) {
        return m.withMaxShardIds(m.maxShardGroupId(), maxShardId);
    }
}
