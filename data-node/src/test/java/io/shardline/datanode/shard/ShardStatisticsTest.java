package io.shardline.datanode.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.stats.StatSnapshot;
import io.shardline.common.time.ManualClock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.model.Point;
import io.shardline.storage.ShardId;
import io.shardline.storage.WriteResult;
import io.shardline.storage.memory.InMemoryShardEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardStatisticsTest {

    @Test
    void shardAndDatabaseStatisticsFollowTheEngineAndTheWrites() {
        InMemoryShardEngine engine = new InMemoryShardEngine(StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION)),
                new ManualClock(1_000));
        engine.start();
        ShardStatistics stats = new ShardStatistics(engine, Path.of("/d"), Path.of("/w"));
        for (long id : new long[] {1, 2}) {
            engine.open(new ShardId("db", "rp", id)).write(List.of(Point.builder(id == 1 ? "cpu" : "mem")
                    .floatField("v", 1).timestamp(id).build()), 1);
        }
        stats.written(1, new WriteResult(3, 1, "field type conflict", 2, 5, 300));
        stats.written(1, new WriteResult(1, 0, null));
        stats.failed(1, 2);
        List<StatSnapshot> all = stats.collect();
        assertThat(all).extracting(StatSnapshot::name).containsExactly("database", "shard", "shard");
        assertThat(all.get(0).tags()).containsEntry("database", "db");
        assertThat(all.get(0).longValue("numMeasurements")).isEqualTo(2);
        StatSnapshot shard1 = all.stream().filter(s -> "shard".equals(s.name()) && "1".equals(s.tags().get("id")))
                .findFirst().orElseThrow();
        assertThat(shard1.tags()).containsEntry("retentionPolicy", "rp").containsEntry("engine", "rocksdb")
                .containsEntry("path", "/d/db/rp/1").containsEntry("walPath", "/w/db/rp/1");
        assertThat(shard1.values()).containsEntry("writeReq", 3L).containsEntry("writeReqOk", 2L)
                .containsEntry("writeReqErr", 1L).containsEntry("writePointsOk", 4L)
                .containsEntry("writePointsDropped", 1L).containsEntry("writePointsErr", 2L)
                .containsEntry("seriesCreate", 2L).containsEntry("fieldsCreate", 5L).containsEntry("writeBytes", 300L);
        assertThat(shard1.counters()).contains("writeReq", "seriesCreate", "fieldsCreate", "writeBytes")
                .doesNotContain("diskBytes");
        engine.drop(new ShardId("db", "rp", 1));
        assertThat(stats.collect()).filteredOn(s -> "shard".equals(s.name())).hasSize(1);
        engine.close();
    }
}
