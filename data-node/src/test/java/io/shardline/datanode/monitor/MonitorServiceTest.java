package io.shardline.datanode.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.ManualClock;
import io.shardline.config.data.MonitorConfig;
import io.shardline.datanode.write.ConsistencyLevel;
import io.shardline.datanode.write.ShardBatch;
import io.shardline.datanode.write.ShardWriteResult;
import io.shardline.datanode.write.WriteService;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.model.Hlc;
import io.shardline.model.Point;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One tick of the {@code _internal} writer with fakes: where the points go, and that a failure is only counted. */
class MonitorServiceTest {

    private static final long DAY = 86_400_000_000_000L;
    private final ManualClock clock = new ManualClock(DAY / 1_000_000 + 5_000);
    private final StatsRegistry stats = new StatsRegistry();
    private final List<ShardBatch> local = new ArrayList<>();
    private final List<List<Point>> cluster = new ArrayList<>();
    private RuntimeException localFailure;

    private MonitorService service(ClusterMetadata view) {
        stats.statistic("write").add("req", 3);
        return new MonitorService(new MonitorConfig(true, "_internal", Duration.ofSeconds(10), Duration.ofSeconds(10)),
                stats, "vm", () -> view, () -> { }, () -> 4, () -> null, batch -> {
                    if (localFailure != null) {
                        throw localFailure;
                    }
                    local.add(batch);
                    return new ShardWriteResult(batch.points().size(), 0, null);
                }, new WriteService() {
                    @Override
                    public boolean databaseExists(String database) {
                        return true;
                    }

                    @Override
                    public long write(String database, String rp, ConsistencyLevel level,
                                      List<Point> points) {
                        cluster.add(points);
                        return 1;
                    }
                }, new Hlc(clock), clock);
    }

    @Test
    void writesTheTickIntoThisNodesOwnShard() {
        service(withGroup(4)).store(DAY + 10_000_000_000L);
        assertThat(local).singleElement().satisfies(b -> {
            assertThat(b.shardId()).isEqualTo(11);
            assertThat(b.points()).anySatisfy(p -> {
                assertThat(p.measurement()).isEqualTo("write");
                assertThat(p.series().toString()).contains("hostname=vm").contains("nodeID=4");
                assertThat(p.timestamp()).isEqualTo(DAY + 10_000_000_000L);
            });
        });
        assertThat(cluster).isEmpty();
        assertThat(stats.snapshot("monitor").get(0).longValue("pointsWritten")).isPositive();
    }

    @Test
    void aNodeWithoutAShardOfTheGroupUsesTheClusterPath() {
        service(withGroup(5)).store(DAY + 10_000_000_000L);
        assertThat(local).isEmpty();
        assertThat(cluster).hasSize(1);
    }

    @Test
    void aFailingInternalIsCountedAndNeverThrown() {
        localFailure = new ShardlineException(ErrorCode.IO_ERROR, "disk full");
        MonitorService s = service(withGroup(4));
        s.store(DAY + 10_000_000_000L);
        s.store(DAY + 20_000_000_000L);
        assertThat(stats.snapshot("monitor").get(0).longValue("writeErr")).isEqualTo(2);
        // no meta client and no database: the tick is dropped and counted too
        service(ClusterMetadata.EMPTY).store(DAY + 30_000_000_000L);
        assertThat(stats.snapshot("monitor").get(0).longValue("writeErr")).isEqualTo(3);
    }

    private static ClusterMetadata withGroup(long owner) {
        TreeMap<String, RetentionPolicyInfo> rps = new TreeMap<>();
        rps.put("monitor", new RetentionPolicyInfo("monitor", 7 * DAY, DAY, 1, List.of(new ShardGroupInfo(1, DAY,
                2 * DAY, 0, 0, List.of(new ShardInfo(10, List.of(99L)), new ShardInfo(11, List.of(owner)))))));
        return ClusterMetadata.EMPTY.withDatabase(new DatabaseInfo("_internal", "monitor", rps));
    }
}
