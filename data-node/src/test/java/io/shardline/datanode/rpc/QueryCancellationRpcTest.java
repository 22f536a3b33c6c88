package io.shardline.datanode.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.net.HostPort;
import io.shardline.common.rpc.GrpcServer;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.datanode.query.OwnerQueries;
import io.shardline.datanode.query.QueryInterrupts;
import io.shardline.datanode.query.QueryManager;
import io.shardline.datanode.query.QueryTask;
import io.shardline.datanode.query.RunningQuery;
import io.shardline.datanode.query.ScannedPoints;
import io.shardline.datanode.query.SchemaAnswer;
import io.shardline.datanode.query.SchemaQuestion;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.model.Hlc;
import io.shardline.query.exec.ShardResultSink;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.plan.SelectCompiler;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.ast.SelectStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A query stopped on the coordinator (KILL QUERY or query-timeout) stops the owner scanning for it over real
 * gRPC: the owner's scan sees its call cancelled and gives up, and the owner's own query manager answers
 * ListQueries and KillQuery.
 */
class QueryCancellationRpcTest {

    private final CountDownLatch scanning = new CountDownLatch(1);
    private final CountDownLatch ownerStopped = new CountDownLatch(1);
    private final AtomicReference<Throwable> ownerSaw = new AtomicReference<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService coordinatorThreads = Executors.newCachedThreadPool();
    private final ExecutorService ownerThreads = QueryInterrupts.propagating(Executors.newFixedThreadPool(2));
    private QueryManager ownerManager;
    private GrpcServer owner;
    private PeerChannels channels;
    private GrpcPeerQueries peers;

    /** An owner whose scan never ends on its own: it looks for a stop, as the shard reader does. */
    private final OwnerQueries endlessOwner = new OwnerQueries() {
        @Override
        public void select(long shardId, SelectPlan plan, ShardResultSink sink) {
            scanning.countDown();
            try {
                while (true) {
                    QueryInterrupts.check();
                    ScannedPoints.addCurrent(1); // as a shard reader counts what it reads
                    Thread.onSpinWait();
                }
            } catch (RuntimeException e) {
                ownerSaw.set(e);
                ownerStopped.countDown();
                throw e;
            }
        }

        @Override
        public SchemaAnswer schema(SchemaQuestion question) {
            return SchemaAnswer.empty();
        }
    };

    @BeforeEach
    void start() {
        ownerManager = new QueryManager(new QueryManager.Settings(0, Duration.ZERO, Duration.ZERO), Clock.system(),
                timers);
        owner = new GrpcServer("rpc", HostPort.parse("127.0.0.1:0"), "bind-address")
                .addService(new DataNodeRpcService(null, null, endlessOwner, ownerThreads, new Hlc(Clock.system()),
                        new StatsRegistry()).withQueryManager(ownerManager));
        owner.start();
        ClusterMetadata meta = new ClusterMetadata(List.of(), List.of(new NodeInfo(5, owner.boundAddress().toString(),
                "x:1")), new TreeMap<>(Map.of()), 5, 0, 0, 1);
        channels = new PeerChannels(Duration.ZERO, Duration.ofSeconds(10), List.of());
        peers = new GrpcPeerQueries(channels, () -> meta, Duration.ofSeconds(10), Duration.ZERO, Clock.system());
        // connected before the tests start the clock on a query
        assertThat(QueryManagementRpc.peers(channels, Duration.ofSeconds(30)).list(owner.boundAddress().toString()))
                .isEmpty();
    }

    @AfterEach
    void stop() {
        channels.close();
        owner.close();
        timers.shutdownNow();
        coordinatorThreads.shutdownNow();
        ownerThreads.shutdownNow();
    }

    private static SelectPlan plan() {
        SelectStatement s = (SelectStatement) InfluxQLParser.parseStatement("SELECT v FROM cpu");
        return SelectCompiler.compile(s, 0, List.of());
    }

    private Future<Throwable> remoteSelect(QueryManager coordinator) {
        QueryTask task = coordinator.attach("SELECT v FROM cpu", "db");
        return coordinatorThreads.submit(() -> {
            try {
                task.run(() -> {
                    peers.node(5).select(1, plan(), new ShardResultSink() {
                        @Override
                        public void rows(List<io.shardline.query.exec.RawRow> rows) {
                        }

                        @Override
                        public void partials(List<io.shardline.query.exec.PartialGroup> partials) {
                        }
                    });
                    return null;
                });
                return null;
            } catch (Throwable t) {
                return t;
            } finally {
                task.detach();
            }
        });
    }

    @Test
    void killOnTheCoordinatorStopsTheOwnersScan() throws Exception {
        QueryManager coordinator = new QueryManager(new QueryManager.Settings(0, Duration.ZERO, Duration.ZERO),
                Clock.system(), timers);
        Future<Throwable> result = remoteSelect(coordinator);
        assertThat(scanning.await(10, TimeUnit.SECONDS)).isTrue();
        List<RunningQuery> running = coordinator.list();
        assertThat(running).extracting(RunningQuery::query).containsExactly("SELECT v FROM cpu");
        coordinator.kill(running.get(0).qid());
        Throwable t = result.get(10, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(ShardlineException.class).hasMessage("query interrupted");
        assertThat(ownerStopped.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(coordinator.list()).isEmpty();
        assertThatThrownBy(() -> coordinator.kill(running.get(0).qid())).hasMessage("no such query id: 1");
    }

    @Test
    void queryTimeoutStopsTheOwnerToo() throws Exception {
        QueryManager coordinator = new QueryManager(new QueryManager.Settings(0, Duration.ofSeconds(3),
                Duration.ZERO), Clock.system(), timers);
        Future<Throwable> result = remoteSelect(coordinator);
        assertThat(scanning.await(10, TimeUnit.SECONDS)).isTrue();
        Throwable t = result.get(20, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(ShardlineException.class).hasMessage("query-timeout limit exceeded");
        assertThat(((ShardlineException) t).code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(ownerStopped.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void maxSelectPointCountsThePointsTheOwnerReads() throws Exception {
        QueryManager coordinator = new QueryManager(new QueryManager.Settings(0, Duration.ZERO, Duration.ZERO,
                1_000), Clock.system(), timers);
        Future<Throwable> result = remoteSelect(coordinator);
        assertThat(scanning.await(10, TimeUnit.SECONDS)).isTrue();
        // the owner sends nothing but its count: the coordinator knows what it read only from that
        Throwable t = result.get(20, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(ShardlineException.class).hasMessageStartingWith("max-select-point limit exceeed: (")
                .hasMessageEndingWith("/1000)");
        assertThat(((ShardlineException) t).code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(ownerStopped.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void listAndKillReachTheOwnersManager() {
        QueryTask task = ownerManager.attach("SELECT 1", "mydb");
        var remote = QueryManagementRpc.peers(channels, Duration.ofSeconds(5));
        List<RunningQuery> listed = remote.list(owner.boundAddress().toString());
        assertThat(listed).extracting(RunningQuery::qid, RunningQuery::query, RunningQuery::database,
                RunningQuery::status).containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "SELECT 1", "mydb",
                        "running"));
        remote.kill(owner.boundAddress().toString(), 1);
        assertThat(ownerManager.list()).extracting(RunningQuery::status).containsExactly("killed");
        assertThatThrownBy(() -> remote.kill(owner.boundAddress().toString(), 1)).hasMessage("already killed");
        assertThatThrownBy(() -> remote.kill(owner.boundAddress().toString(), 9)).hasMessage("no such query id: 9");
        task.detach();
        assertThat(remote.list(owner.boundAddress().toString())).isEmpty();
    }
}
