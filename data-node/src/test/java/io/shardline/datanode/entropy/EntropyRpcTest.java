package io.shardline.datanode.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.net.HostPort;
import io.shardline.common.rpc.GrpcServer;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.ManualClock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.datanode.entropy.rpc.EntropyRpcServer;
import io.shardline.datanode.entropy.rpc.GrpcEntropyPeers;
import io.shardline.datanode.rpc.DataNodeRpcService;
import io.shardline.datanode.rpc.PeerChannels;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.model.Hlc;
import io.shardline.model.Point;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.ShardId;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.DigestCodec;
import io.shardline.storage.digest.PresenceCodec;
import io.shardline.storage.digest.RangeListCodec;
import io.shardline.storage.digest.RowDigestCodec;
import io.shardline.storage.memory.InMemoryShardEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Entropy* RPCs over real gRPC on loopback: every method, error codes, and the disabled service. */
class EntropyRpcTest {

    private static final long T0 = SimEntropyCluster.T0;
    private final ManualClock clock = new ManualClock(T0 / 1_000_000L);
    private final AtomicReference<EntropyNode> served = new AtomicReference<>();
    private GrpcServer server;
    private PeerChannels channels;
    private InMemoryShardEngine engine5;
    private GrpcEntropyPeers peers;

    @BeforeEach
    void start() {
        server = new GrpcServer("rpc", HostPort.parse("127.0.0.1:0"), "bind-address")
                .addService(new DataNodeRpcService(null, new Hlc(clock), new StatsRegistry())
                        .withEntropy(new EntropyRpcServer(served::get)));
        server.start();
        ShardGroupInfo group = new ShardGroupInfo(1, T0 - SimEntropyCluster.HOUR, T0 + SimEntropyCluster.HOUR, 0, 0,
                List.of(new ShardInfo(1, List.of(4L, 5L)), new ShardInfo(2, List.of(5L))));
        DatabaseInfo db = DatabaseInfo.empty("db").withRetentionPolicy(RetentionPolicyInfo.of("rp", 0,
                SimEntropyCluster.HOUR, 2).withShardGroup(group)).withDefaultRetentionPolicy("rp");
        ClusterMetadata meta = new ClusterMetadata(List.of(), List.of(new NodeInfo(4, "127.0.0.1:1", "x:1"),
                new NodeInfo(5, server.boundAddress().toString(), "x:2")), new TreeMap<>(Map.of("db", db)), 5, 1, 2, 1);
        ClusterView view = ClusterView.of(meta);
        engine5 = new InMemoryShardEngine(StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION)), clock);
        engine5.start();
        engine5.open(new ShardId("db", "rp", 1)).write(List.of(Point.builder("cpu").tag("host", "a")
                .floatField("v", 1).timestamp(T0).build()), Hlc.minVersionAt(clock.wallMillis()));
        EntropyPeers none = new SimNoPeers();
        served.set(new EntropyNode(SimEntropyCluster.config(Duration.ofSeconds(10), false, 1 << 20, 2), engine5,
                () -> view, () -> 5L, none, null, () -> null, clock, new EntropyStats(new StatsRegistry()), null));
        channels = new PeerChannels(Duration.ZERO, Duration.ofSeconds(1), List.of());
        peers = new GrpcEntropyPeers(channels, () -> meta);
    }

    @AfterEach
    void stop() {
        channels.close();
        server.close();
    }

    @Test
    void figuresDigestsAndRowDigestsTravel() {
        clock.advance(Duration.ofSeconds(1));
        long cutoff = Hlc.minVersionAt(clock.wallMillis());
        ReplicaInfo info = peers.shardInfo(5, 1, true, cutoff);
        assertThat(info.exists()).isTrue();
        assertThat(info.points()).isEqualTo(1);
        Digest d = DigestCodec.decode(peers.digest(5, 1, cutoff));
        assertThat(d.root()).isEqualTo(info.digestRoot()).isNotZero();
        var rows = RowDigestCodec.decode(peers.rowDigest(5, 1, RangeListCodec.encode(List.of(
                new SeriesRange(d.series().get(0).series(), T0 - 10, T0 + 10))), cutoff, 1));
        assertThat(rows.ranges().get(0).size()).isEqualTo(1);
        assertThat(peers.shardInfo(5, 2, false, 0).exists()).as("owned, never written").isFalse();
    }

    @Test
    void presenceSetsAndHintsTravel() {
        clock.advance(Duration.ofSeconds(1));
        long cutoff = Hlc.minVersionAt(clock.wallMillis());
        var series = DigestCodec.decode(peers.digest(5, 1, cutoff)).series().get(0).series();
        SeriesRange range = new SeriesRange(series, T0 - 10, T0 + 10);
        PresenceCodec.Request request = new PresenceCodec.Request(List.of(range), List.of(new long[] {T0 - 10, T0}));
        PresenceCodec.Answer answer = PresenceCodec.decodeAnswer(peers.presence(5, 1,
                PresenceCodec.encodeRequest(request), cutoff, SimEntropyCluster.HOUR), request.ranges());
        assertThat(answer.timestamps().get(0)).containsExactly(T0);
        assertThat(answer.sums().get(0)).as("one bucket holds a common row").hasSize(1);
        assertThatThrownBy(() -> peers.presence(5, 1, PresenceCodec.encodeRequest(request), cutoff, 0))
                .isInstanceOfSatisfying(ShardlineException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> peers.presence(5, 1, new byte[] {1, 2, 3}, cutoff, SimEntropyCluster.HOUR))
                .isInstanceOfSatisfying(ShardlineException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPTED));
        ApplyOutcome out = peers.applyPatch(5, 1, null, List.of(4L), true,
                new RepairHint(List.of(range), true));
        assertThat(out.queuedNext()).isTrue();
    }

    @Test
    void errorsKeepTheirCodes() {
        assertThatThrownBy(() -> peers.digest(5, 2, 0)).isInstanceOfSatisfying(ShardlineException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> peers.repair(5, 99, false)).isInstanceOfSatisfying(ShardlineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("shard not found: 99");
        });
        assertThatThrownBy(() -> peers.digest(4, 1, 0)).isInstanceOfSatisfying(ShardlineException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void queueAndStatusTravel() {
        assertThat(peers.repair(5, 1, true)).isEqualTo(5);
        EntropyReport r = peers.status(5);
        assertThat(r.queued()).containsExactly(1L);
        peers.cancelRepair(5, 1);
        assertThat(peers.status(5).queued()).isEmpty();
        ApplyOutcome out = peers.applyPatch(5, 1, null, List.of(4L), true, RepairHint.NONE);
        assertThat(out.queuedNext()).as("4 pushed to 5 in [5, 4]: 5 pushes back").isTrue();
        assertThat(peers.status(5).queued()).containsExactly(1L);
    }

    @Test
    void aDisabledServiceSaysSo() {
        served.set(null);
        assertThatThrownBy(() -> peers.status(5)).isInstanceOfSatisfying(ShardlineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION);
            assertThat(e.getMessage()).isEqualTo(EntropyRpcServer.DISABLED);
        });
    }

    /** Peers for a node that never calls out in these tests. */
    private static final class SimNoPeers implements EntropyPeers {
        private static RuntimeException no() {
            return new ShardlineException(ErrorCode.UNAVAILABLE, "no peers in this test");
        }

        public ReplicaInfo shardInfo(long n, long s, boolean r, long c) {
            throw no();
        }

        public byte[] digest(long n, long s, long c) {
            throw no();
        }

        public byte[] rowDigest(long n, long s, byte[] r, long c, long res) {
            throw no();
        }

        public byte[] presence(long n, long s, byte[] r, long c, long b) {
            throw no();
        }

        public ApplyOutcome applyPatch(long n, long s, io.shardline.storage.patch.Patch p, List<Long> v, boolean l,
                                       RepairHint h) {
            throw no();
        }

        public long repair(long n, long s, boolean f) {
            throw no();
        }

        public void cancelRepair(long n, long s) {
            throw no();
        }

        public EntropyReport status(long n) {
            throw no();
        }
    }
}
