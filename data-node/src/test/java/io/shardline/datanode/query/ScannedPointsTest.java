package io.shardline.datanode.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Context;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.ManualClock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.model.FieldType;
import io.shardline.model.Precision;
import io.shardline.model.lp.LineProtocolParser;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.exec.ShardSelectExecutor;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.plan.MeasurementSchema;
import io.shardline.query.plan.SelectCompiler;
import io.shardline.query.plan.SelectPlan;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import io.shardline.storage.memory.InMemoryShardEngine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code [cluster] max-select-point}: the shard reader counts what a query reads (rows by timestamp, primitive
 * blocks by value) into the query's counter, and the query manager stops a query that read the limit or more
 * with 1.x's error, looking once a second as 1.x does.
 */
class ScannedPointsTest {

    private final ManualClock clock = new ManualClock(1_000);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final InMemoryShardEngine engine = new InMemoryShardEngine(
            StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION)), clock);

    @AfterEach
    void stop() {
        timers.shutdownNow();
        engine.close();
    }

    /** 3 series x 10 timestamps; {@code b} is set at every other timestamp only. */
    private ShardStore shard() {
        engine.start();
        StringBuilder lp = new StringBuilder();
        for (int h = 0; h < 3; h++) {
            for (int t = 0; t < 10; t++) {
                lp.append("cpu,host=h").append(h).append(" a=").append(t).append(t % 2 == 0 ? ",b=1" : "")
                        .append(' ').append(t).append('\n');
            }
        }
        ShardStore store = engine.open(new ShardId("db", "autogen", 1));
        store.write(new LineProtocolParser().parse(lp.toString().getBytes(StandardCharsets.UTF_8),
                Precision.NANOSECONDS, 0).points(), 1);
        return store;
    }

    private static SelectPlan plan(String q) {
        return SelectCompiler.compile((SelectStatement) InfluxQLParser.parseStatement(q), 0,
                List.of(new MeasurementSchema("cpu", Map.of("a", FieldType.FLOAT, "b", FieldType.FLOAT), Set.of("host"))));
    }

    private static long read(ShardStore store, String q) {
        ScannedPoints points = new ScannedPoints();
        points.attachTo(Context.current()).run(() -> ShardSelectExecutor.execute(plan(q), new StoreShardReader(store)));
        return points.total();
    }

    @Test
    void rowsCountByTimestampAndBlocksByValue() {
        ShardStore store = shard();
        assertThat(read(store, "SELECT a, b FROM cpu")).isEqualTo(30);
        assertThat(read(store, "SELECT a FROM cpu WHERE host = 'h1'")).isEqualTo(10);
        assertThat(read(store, "SELECT a FROM cpu WHERE time >= 5")).isEqualTo(15);
        assertThat(read(store, "SELECT a FROM cpu WHERE host = 'h1' LIMIT 2")).isEqualTo(2);
        assertThat(read(store, "SELECT sum(b) FROM cpu")).isEqualTo(15); // the block path: b's values only
        assertThat(read(store, "SELECT sum(a) FROM cpu WHERE a > 4")).isEqualTo(30); // row path with a filter
        // nothing is counted outside a query's context
        ShardSelectExecutor.execute(plan("SELECT a FROM cpu"), new StoreShardReader(store));
        assertThat(ScannedPoints.current()).isNull();
    }

    @Test
    void aQueryAtTheLimitIsStoppedWith1xsError() {
        QueryManager m = new QueryManager(new QueryManager.Settings(0, Duration.ZERO, Duration.ZERO, 30), clock,
                timers);
        ShardStore store = shard();
        QueryTask small = m.attach("SELECT a FROM cpu WHERE host = 'h1'", "db");
        small.run(() -> ShardSelectExecutor.execute(plan("SELECT a FROM cpu WHERE host = 'h1'"),
                new StoreShardReader(store)));
        m.checkPoints(small);
        small.run(() -> {
            QueryInterrupts.check(); // 10 points < 30: still running
            return null;
        });
        QueryTask big = m.attach("SELECT a, b FROM cpu", "db");
        big.run(() -> ShardSelectExecutor.execute(plan("SELECT a, b FROM cpu"), new StoreShardReader(store)));
        m.checkPoints(big);
        assertThatThrownBy(() -> big.run(() -> {
            QueryInterrupts.check();
            return null;
        })).isInstanceOf(ShardlineException.class).hasMessage("max-select-point limit exceeed: (30/30)")
                .extracting(e -> ((ShardlineException) e).code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        m.checkPoints(big); // a second look at a stopped query changes nothing
        assertThat(m.list()).extracting(RunningQuery::status).containsExactly("running", "killed");
        small.detach();
        big.detach();
    }

    @Test
    void theManagerLooksOnItsOwnOnceASecond() {
        QueryManager m = new QueryManager(new QueryManager.Settings(0, Duration.ZERO, Duration.ZERO, 5), clock,
                timers);
        QueryTask task = m.attach("SELECT a FROM cpu", "db");
        task.run(() -> {
            ScannedPoints.addCurrent(7);
            return null;
        });
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> m.list().get(0).status().equals("killed"));
        assertThatThrownBy(() -> task.run(() -> {
            QueryInterrupts.check();
            return null;
        })).hasMessage("max-select-point limit exceeed: (7/5)");
        task.detach();
        QueryManager unlimited = new QueryManager(new QueryManager.Settings(0, Duration.ZERO, Duration.ZERO), clock,
                timers);
        QueryTask free = unlimited.attach("SELECT a FROM cpu", "db");
        free.run(() -> {
            ScannedPoints.addCurrent(1_000_000);
            return null;
        });
        unlimited.checkPoints(free);
        assertThat(unlimited.list()).extracting(RunningQuery::status).containsExactly("running");
        free.detach();
    }
}
