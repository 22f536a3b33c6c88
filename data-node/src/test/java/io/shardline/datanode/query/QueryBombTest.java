package io.shardline.datanode.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queries that would need an absurd amount of memory are refused by the node's query memory pool before the
 * heap is touched, and give everything back: the node answers the next query as usual.
 */
class QueryBombTest {

    private static final long T0 = 1_600_000_000_000_000_000L;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final QueryMemoryPool pool = new QueryMemoryPool(32L << 20);
    private final QueryManager manager = new QueryManager(new QueryManager.Settings(0, Duration.ZERO, Duration.ZERO),
            Clock.system(), timers, pool);
    private InMemoryQueryCluster cluster;

    @BeforeEach
    void start() {
        cluster = new InMemoryQueryCluster(2, 1, 11);
        cluster.createDatabase("db");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            lines.append("cpu,host=h").append(i % 10).append(" value=").append(i).append(' ')
                    .append(T0 + i * 1_000_000L).append('\n');
        }
        cluster.write("db", lines.toString());
    }

    @AfterEach
    void stop() {
        cluster.close();
        timers.shutdownNow();
    }

    private String query(String q) {
        QueryTask task = manager.attach(q, "db");
        try {
            return task.run(() -> cluster.query(4, "db", q));
        } finally {
            task.detach();
        }
    }

    @Test
    void bucketsOverYearsAtOneNanosecondAreRefusedNotAllocated() {
        String bomb = query("SELECT count(value) FROM cpu WHERE time >= 0 AND time < " + (T0 + 1)
                + " GROUP BY time(1ns)");
        assertThat(bomb).contains("\"error\":\"query memory limit exceeded: queries on this data node may hold "
                + (32L << 20) + " bytes at once\"");
        assertThat(pool.used()).isZero();
        assertThat(query("SELECT count(value) FROM cpu")).contains("[[\"1970-01-01T00:00:00Z\",2000]]");
        assertThat(pool.used()).isZero();
    }

    @Test
    void aRawSelectLargerThanThePoolIsRefused() {
        QueryMemoryPool tiny = new QueryMemoryPool(100_000);
        QueryManager small = new QueryManager(new QueryManager.Settings(0, Duration.ZERO, Duration.ZERO),
                Clock.system(), timers, tiny);
        QueryTask task = small.attach("SELECT * FROM cpu", "db");
        String raw;
        try {
            raw = task.run(() -> cluster.query(4, "db", "SELECT * FROM cpu"));
        } finally {
            task.detach();
        }
        assertThat(raw).contains("query memory limit exceeded");
        assertThat(tiny.used()).isZero();
    }
}
