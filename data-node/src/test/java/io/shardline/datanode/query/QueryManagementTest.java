package io.shardline.datanode.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.ManualClock;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.query.ast.KillQueryStatement;
import io.shardline.query.ast.ShowQueriesStatement;
import io.shardline.query.result.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The query manager and SHOW QUERIES / KILL QUERY across data nodes, as InfluxDB Enterprise answers them. */
class QueryManagementTest {

    private final ManualClock clock = new ManualClock(1_000);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<String> remoteKills = new ArrayList<>();

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    private QueryManager manager(int max) {
        return new QueryManager(new QueryManager.Settings(max, Duration.ZERO, Duration.ZERO), clock, timers);
    }

    @Test
    void idsLimitAndKillsFollow1x() {
        QueryManager m = manager(2);
        QueryTask a = m.attach("SELECT a FROM m", "db");
        QueryTask b = m.attach("SHOW QUERIES", "");
        assertThatThrownBy(() -> m.attach("SELECT c FROM m", "db"))
                .hasMessage("max-concurrent-queries limit exceeded(2, 2)");
        assertThat(m.list()).extracting(RunningQuery::qid).containsExactly(1L, 2L);
        m.kill(1);
        assertThat(m.list().get(0).status()).isEqualTo("killed");
        assertThatThrownBy(() -> m.kill(1)).hasMessage("already killed");
        assertThatThrownBy(() -> m.kill(7)).hasMessage("no such query id: 7");
        assertThatThrownBy(() -> a.run(() -> {
            QueryInterrupts.check();
            return null;
        })).isInstanceOf(ShardlineException.class).hasMessage("query interrupted");
        a.detach();
        b.detach();
        assertThat(m.attach("SELECT d FROM m", "db").id()).isEqualTo(3);
        m.close();
        assertThatThrownBy(() -> m.attach("SELECT e FROM m", "db")).hasMessage("query engine shutdown");
    }

    @Test
    void durationsAreTruncatedAsIn1x() {
        assertThat(QueryAdminStatements.duration(65_432)).isEqualTo("65\u00b5s");
        assertThat(QueryAdminStatements.duration(12_345_678)).isEqualTo("12ms");
        assertThat(QueryAdminStatements.duration(123_456_789_012L)).isEqualTo("2m3s");
        assertThat(QueryAdminStatements.duration(999)).isEqualTo("999ns");
    }

    @Test
    void showQueriesListsEveryDataNodeAndKillOnReachesTheNamedOne() {
        QueryManager local = manager(0);
        QueryTask mine = local.attach("SHOW QUERIES", "");
        clock.advance(Duration.ofMillis(1_500));
        ClusterMetadata meta = new ClusterMetadata(List.of(), List.of(new NodeInfo(4, "h4:8088", "h4:8086"),
                new NodeInfo(5, "h5:8088", "h5:8086"), new NodeInfo(6, "h6:8088", "h6:8086")), new TreeMap<>(Map.of()),
                6, 0, 0, 1);
        QueryPeers peers = new QueryPeers() {
            @Override
            public List<RunningQuery> list(String tcpAddress) {
                if (tcpAddress.equals("h6:8088")) {
                    throw new ShardlineException(io.shardline.common.error.ErrorCode.UNAVAILABLE, "down");
                }
                return List.of(new RunningQuery(9, "SELECT * FROM big", "db", 2_500_000_000L, "running"));
            }

            @Override
            public void kill(String tcpAddress, long qid) {
                remoteKills.add(tcpAddress + " " + qid);
            }
        };
        QueryAdminStatements admin = new QueryAdminStatements(local, () -> meta, () -> 4, peers, Runnable::run);
        List<Series> shown = admin.execute(new ShowQueriesStatement());
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).columns()).containsExactly("qid", "node_id", "tcp_host", "query", "database",
                "duration", "status");
        assertThat(shown.get(0).values()).containsExactly(
                List.of(1L, 4L, "h4:8088", "SHOW QUERIES", "", "1s", "running"),
                List.of(9L, 5L, "h5:8088", "SELECT * FROM big", "db", "2s", "running"));
        admin.execute(new KillQueryStatement(9, "h5:8088"));
        assertThat(remoteKills).containsExactly("h5:8088 9");
        admin.execute(new KillQueryStatement(1, ""));
        assertThat(local.list().get(0).status()).isEqualTo("killed");
        assertThatThrownBy(() -> admin.execute(new KillQueryStatement(1, "h4:8088"))).hasMessage("already killed");
        assertThatThrownBy(() -> admin.execute(new KillQueryStatement(1, "nowhere:1")))
                .hasMessage("data node not found: nowhere:1");
        mine.detach();
    }
}
