package io.shardline.datanode.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.model.Point;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardSnapshot;
import io.shardline.storage.ShardStore;
import io.shardline.storage.SnapshotFile;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.memory.InMemoryShardEngine;
import io.shardline.storage.patch.Patch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The copy protocol on in-memory stores with a fake source and fake meta: a copy installs the
 * snapshot and adds the owner, the catch-up brings what the source received meanwhile, a killed or
 * failing copy leaves no shard and no owner entry, the gate keeps writes from creating the shard
 * during the copy, and the error cases.
 */
class ShardCopierTest {

    private static final String SOURCE = "src:8088";
    private static final String SELF = "dst:8088";
    private static final ShardId SHARD = new ShardId("db", "rp", 7);
    private static final long SELF_ID = 5;
    private static final long SOURCE_ID = 4;

    private final Clock clock = Clock.system();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private InMemoryShardEngine sourceEngine;
    private InMemoryShardEngine engine;
    private FakeMeta meta;
    private FakeSource source;
    private ShardWriteGate gate;
    private ShardCopier copier;
    /** What every data node answers (the source and this node): by default an up-to-date view, no write in flight. */
    private volatile java.util.function.LongFunction<PeerViews.PeerView> peers =
            version -> new PeerViews.PeerView(version, OptionalLong.of(Long.MAX_VALUE));

    @BeforeEach
    void setUp() {
        StorageConfig storage = StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION));
        sourceEngine = new InMemoryShardEngine(storage, clock);
        sourceEngine.start();
        engine = new InMemoryShardEngine(storage, clock);
        engine.start();
        write(sourceEngine.open(SHARD), "a", 0, 100);
        meta = new FakeMeta(List.of(SOURCE_ID));
        source = new FakeSource();
        gate = new ShardWriteGate();
        copier = new ShardCopier(engine, gate, source, meta,
                (address, timeout) -> Optional.of(peers.apply(meta.currentVersion())),
                SELF, clock, Duration.ofSeconds(1), Duration.ZERO, executor);
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
        engine.close();
        sourceEngine.close();
    }

    @Test
    void aCopyInstallsTheSnapshotAndAddsTheOwner() throws Exception {
        CopyProgress started = copier.start(CopyRequest.of(SOURCE, SHARD.id()));
        assertThat(started.side()).isEqualTo(CopyProgress.Side.DESTINATION);
        // the progress at the moment start returns: an in-memory copy may already be past pulling
        assertThat(started.phase()).isIn("pulling", "adding-owner", "catching-up");
        CopyOutcome outcome = copier.await(SOURCE, SHARD.id(), Duration.ofSeconds(10)).orElseThrow();

        assertThat(outcome.succeeded()).as("%s", outcome).isTrue();
        assertThat(outcome.progress().copiedBytes()).isEqualTo(outcome.progress().totalBytes()).isPositive();
        assertThat(points(engine)).isEqualTo(100);
        assertThat(meta.owners()).containsExactly(SOURCE_ID, SELF_ID);
        assertThat(copier.copies()).isEmpty();
        assertThat(gate.isHeld(SHARD.id())).isFalse();
        assertThat(copier.await(SOURCE, SHARD.id(), Duration.ZERO)).contains(outcome);
        assertThat(source.stamps).as("one catch-up pass: every node said no write from an older view is in flight")
                .isEqualTo(1);
        assertThat(source.patches).as("an unchanged source costs no digest").isZero();
    }

    @Test
    void theCatchUpWaitsForWritesRoutedByAnOlderViewAndPassesTwiceWhereANodeCannotTell() throws Exception {
        // the nodes route by the new view, but a write routed by an older one is still in flight
        java.util.concurrent.atomic.AtomicBoolean oldWriteDone = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        peers = version -> {
            asked.incrementAndGet();
            return new PeerViews.PeerView(version, OptionalLong.of(oldWriteDone.get() ? Long.MAX_VALUE : version - 1));
        };
        copier.start(CopyRequest.of(SOURCE, SHARD.id()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> asked.get() >= 3);
        assertThat(source.stamps).as("no catch-up pass while the old write is in flight").isZero();
        oldWriteDone.set(true);
        CopyOutcome outcome = copier.await(SOURCE, SHARD.id(), Duration.ofSeconds(10)).orElseThrow();
        assertThat(outcome.succeeded()).as("%s", outcome).isTrue();
        assertThat(source.stamps).isEqualTo(1);

        // a node of an older build does not count its writes: the two paused passes of before
        engine.drop(SHARD);
        meta.removeOwner(SHARD.id(), SELF_ID);
        peers = version -> new PeerViews.PeerView(version, OptionalLong.empty());
        copier.start(CopyRequest.of(SOURCE, SHARD.id()));
        CopyOutcome again = copier.await(SOURCE, SHARD.id(), Duration.ofSeconds(10)).orElseThrow();
        assertThat(again.succeeded()).as("%s", again).isTrue();
        assertThat(source.stamps).as("two more passes").isEqualTo(3);
    }

    @Test
    void writesTheSourceTakesDuringTheCopyAreCaughtUp() throws Exception {
        source.pauseAfterManifest = new CountDownLatch(1);
        copier.start(CopyRequest.of(SOURCE, SHARD.id()));
        assertThat(source.opened.await(10, TimeUnit.SECONDS)).isTrue();
        write(sourceEngine.get(SHARD).orElseThrow(), "late", 0, 30); // after the snapshot was taken
        source.pauseAfterManifest.countDown();
        CopyOutcome outcome = copier.await(SOURCE, SHARD.id(), Duration.ofSeconds(10)).orElseThrow();
        assertThat(outcome.succeeded()).as("%s", outcome).isTrue();
        assertThat(points(engine)).isEqualTo(130);
        assertThat(source.patches).isPositive();
    }

    @Test
    void aKilledCopyLeavesNoShardAndNoOwner() throws Exception {
        source.pauseAfterManifest = new CountDownLatch(1);
        copier.start(CopyRequest.of(SOURCE, SHARD.id()));
        assertThat(copier.copies()).singleElement().satisfies(p -> assertThat(p.phase()).isEqualTo("pulling"));
        assertThat(gate.isHeld(SHARD.id())).isTrue();
        assertThatThrownBy(() -> gate.guard(engine).open(SHARD)).isInstanceOf(ShardlineException.class)
                .extracting(e -> ((ShardlineException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE);

        copier.kill(SOURCE, SHARD.id(), Duration.ofSeconds(10));
        CopyOutcome outcome = copier.await(SOURCE, SHARD.id(), Duration.ZERO).orElseThrow();
        assertThat(outcome.failure()).get().extracting(ShardlineException::code).isEqualTo(ErrorCode.CANCELLED);
        assertThat(outcome.error().getMessage()).isEqualTo("copy of shard 7 from src:8088 to dst:8088 was killed");
        assertThat(engine.shards()).isEmpty();
        assertThat(meta.owners()).containsExactly(SOURCE_ID);
        assertThat(gate.isHeld(SHARD.id())).isFalse();
        assertThat(copier.copies()).isEmpty();
    }

    @Test
    void aCopyFailingAfterTheOwnerWasAddedIsRolledBack() throws Exception {
        source.failCatchUp = true;
        copier.start(CopyRequest.of(SOURCE, SHARD.id()));
        CopyOutcome outcome = copier.await(SOURCE, SHARD.id(), Duration.ofSeconds(10)).orElseThrow();
        assertThat(outcome.failure()).get().extracting(ShardlineException::code).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(meta.owners()).containsExactly(SOURCE_ID);
        assertThat(meta.removed).isEqualTo(1);
        assertThat(engine.shards()).isEmpty();
    }

    @Test
    void anOwnerMissingTheShardKeepsItsOwnershipAndGetsTheData() throws Exception {
        meta.setOwners(List.of(SOURCE_ID, SELF_ID));
        copier.start(CopyRequest.of(SOURCE, SHARD.id()));
        assertThat(copier.await(SOURCE, SHARD.id(), Duration.ofSeconds(10)).orElseThrow().succeeded()).isTrue();
        assertThat(meta.owners()).containsExactly(SOURCE_ID, SELF_ID);
        assertThat(meta.added).isZero();
        assertThat(points(engine)).isEqualTo(100);
    }

    @Test
    void refusesWhatCannotBeCopied() throws Exception {
        engine.open(SHARD);
        assertError(() -> copier.start(CopyRequest.of(SOURCE, SHARD.id())), ErrorCode.ALREADY_EXISTS,
                "shard 7 already exists on data node dst:8088");
        engine.drop(SHARD);
        assertError(() -> copier.start(CopyRequest.of(SOURCE, 99)), ErrorCode.NOT_FOUND, "shard not found: 99");
        assertError(() -> copier.start(CopyRequest.of(SELF, SHARD.id())), ErrorCode.INVALID_ARGUMENT,
                "cannot copy shard 7 from data node dst:8088 to itself");
        sourceEngine.drop(SHARD);
        copier.start(CopyRequest.of(SOURCE, SHARD.id())); // the source's answer ends the copy
        CopyOutcome lacking = copier.await(SOURCE, SHARD.id(), Duration.ofSeconds(10)).orElseThrow();
        assertThat(lacking.failure()).get().extracting(ShardlineException::code).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(lacking.error()).hasMessage("shard 7 not found on data node src:8088");
        assertThat(engine.shards()).isEmpty();
        assertThat(meta.owners()).containsExactly(SOURCE_ID);
        assertThat(gate.isHeld(SHARD.id())).isFalse();
        assertError(() -> copier.kill(SOURCE, SHARD.id(), Duration.ZERO), ErrorCode.NOT_FOUND,
                "no copy of shard 7 from src:8088 to data node dst:8088");
        assertError(() -> copier.await(SOURCE, 8, Duration.ZERO), ErrorCode.NOT_FOUND,
                "no copy of shard 8 from src:8088 to data node dst:8088");
    }

    @Test
    void aSecondCopyOfTheSameShardIsRefusedWhileTheFirstRuns() throws Exception {
        source.pauseAfterManifest = new CountDownLatch(1);
        copier.start(CopyRequest.of(SOURCE, SHARD.id()));
        assertError(() -> copier.start(CopyRequest.of("other:8088", SHARD.id())), ErrorCode.ALREADY_EXISTS,
                "shard 7 is already being copied to data node dst:8088");
        source.pauseAfterManifest.countDown();
        assertThat(copier.await(SOURCE, SHARD.id(), Duration.ofSeconds(10)).orElseThrow().succeeded()).isTrue();
    }

    @Test
    void removeShardDropsTheOwnerBeforeTheData() {
        meta.setOwners(List.of(SOURCE_ID, SELF_ID));
        write(engine.open(SHARD), "a", 0, 10);
        ShardAdmin admin = new ShardAdmin(engine, gate, copier, meta, SELF, Duration.ofMinutes(1), Duration.ofSeconds(1),
                clock);
        assertThat(admin.replicas(List.of(7L, 8L))).extracting(ReplicaState::state).containsExactly("hot", "missing");
        assertThat(admin.removeShard(7)).isTrue();
        assertThat(meta.owners()).containsExactly(SOURCE_ID);
        assertThat(engine.shards()).isEmpty();
        assertError(() -> admin.removeShard(7), ErrorCode.NOT_FOUND, "shard 7 not found on data node dst:8088");
        assertThat(admin.replicas(List.of(7L))).singleElement()
                .isEqualTo(new ReplicaState(7, "missing", 0, 0, "shard 7 not found on data node dst:8088"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static void assertError(Runnable call, ErrorCode code, String message) {
        assertThatThrownBy(call::run).isInstanceOf(ShardlineException.class).hasMessage(message)
                .extracting(e -> ((ShardlineException) e).code()).isEqualTo(code);
    }

    private static void write(ShardStore store, String host, int from, int count) {
        List<Point> points = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            points.add(Point.builder("cpu").tag("host", host).floatField("v", i).timestamp(1_000_000_000L * i).build());
        }
        store.write(points, System.nanoTime());
    }

    private static long points(InMemoryShardEngine e) {
        return e.get(SHARD).map(s -> s.stats().pointCount()).orElse(-1L);
    }

    /** Cluster metadata with the one shard and settable owners; counts owner changes. */
    private static final class FakeMeta implements CopyMeta {

        private final AtomicReference<List<Long>> owners;
        private long version = 1;
        int added;
        int removed;

        FakeMeta(List<Long> owners) {
            this.owners = new AtomicReference<>(List.copyOf(owners));
        }

        List<Long> owners() {
            return owners.get();
        }

        synchronized void setOwners(List<Long> next) {
            owners.set(List.copyOf(next));
            version++;
        }

        @Override
        public long nodeId() {
            return SELF_ID;
        }

        @Override
        public synchronized ClusterView view() {
            ShardGroupInfo group = new ShardGroupInfo(1, 0, Long.MAX_VALUE / 2, 0, 0,
                    List.of(new ShardInfo(SHARD.id(), owners.get())));
            RetentionPolicyInfo rp = RetentionPolicyInfo.of("rp", 0, 1_000, 1).withShardGroup(group);
            DatabaseInfo db = DatabaseInfo.empty("db").withRetentionPolicy(rp).withDefaultRetentionPolicy("rp");
            List<NodeInfo> nodes = List.of(new NodeInfo(SOURCE_ID, SOURCE, "src:8086"), new NodeInfo(SELF_ID, SELF,
                    "dst:8086"));
            return ClusterView.of(new ClusterMetadata(List.of(), nodes, new TreeMap<>(Map.of("db", db)), 5, 1, 7,
                    version));
        }

        @Override
        public synchronized long currentVersion() {
            return version;
        }

        @Override
        public synchronized void addOwner(long shardId, long nodeId) {
            added++;
            List<Long> next = new ArrayList<>(owners.get());
            next.add(nodeId);
            setOwners(next);
        }

        @Override
        public synchronized void removeOwner(long shardId, long nodeId) {
            removed++;
            setOwners(owners.get().stream().filter(o -> o != nodeId).toList());
        }
    }

    /** The source node: its in-memory engine, optionally pausing after the manifest or failing digests. */
    private final class FakeSource implements ShardSource {

        volatile CountDownLatch pauseAfterManifest;
        final CountDownLatch opened = new CountDownLatch(1);
        volatile boolean failCatchUp;
        volatile int patches;
        volatile int stamps;

        @Override
        public IncomingSnapshot openSnapshot(String address, long shardId, String destination, long rate) {
            Optional<ShardStore> store = sourceEngine.get(new ShardId("db", "rp", shardId));
            if (!address.equals(SOURCE) || store.isEmpty()) {
                throw ShardlineException.notFound("shard " + shardId + " not found on data node " + address);
            }
            long stamp = store.get().lastModified();
            LocalSnapshot snapshot = new LocalSnapshot(store.get().snapshot(), stamp, pauseAfterManifest);
            opened.countDown();
            return snapshot;
        }

        @Override
        public long lastModified(String address, long shardId) {
            stamps++;
            if (failCatchUp) {
                throw new ShardlineException(ErrorCode.UNAVAILABLE, "data node " + address + " unreachable");
            }
            return sourceEngine.get(SHARD).orElseThrow().lastModified();
        }

        @Override
        public Digest digest(String address, long shardId) {
            if (failCatchUp) {
                throw new ShardlineException(ErrorCode.UNAVAILABLE, "data node " + address + " unreachable");
            }
            return sourceEngine.get(SHARD).orElseThrow().digest(Digest.NO_CUTOFF);
        }

        @Override
        public Patch exportPatch(String address, long shardId, List<SeriesRange> ranges) {
            patches++;
            return sourceEngine.get(SHARD).orElseThrow().exportPatch(ranges);
        }
    }

    /** A local snapshot seen as an incoming one; reads wait on the latch until released or cancelled. */
    private static final class LocalSnapshot implements IncomingSnapshot {

        private final ShardSnapshot snapshot;
        private final long stamp;
        private final CountDownLatch pause;
        private volatile String cancelled;
        private long copied;

        LocalSnapshot(ShardSnapshot snapshot, long stamp, CountDownLatch pause) {
            this.snapshot = snapshot;
            this.stamp = stamp;
            this.pause = pause;
        }

        @Override
        public String database() {
            return "db";
        }

        @Override
        public String retentionPolicy() {
            return "rp";
        }

        @Override
        public long sourceLastModified() {
            return stamp;
        }

        @Override
        public long totalBytes() {
            return snapshot.files().stream().mapToLong(SnapshotFile::size).sum();
        }

        @Override
        public long copiedBytes() {
            return copied;
        }

        @Override
        public List<SnapshotFile> files() {
            return snapshot.files();
        }

        @Override
        public byte[] read(String name, long offset, int maxLength) {
            try {
                while (pause != null && !pause.await(10, TimeUnit.MILLISECONDS)) {
                    if (cancelled != null) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (cancelled != null) {
                throw new ShardlineException(ErrorCode.CANCELLED, cancelled);
            }
            byte[] b = snapshot.read(name, offset, maxLength);
            copied += b.length;
            return b;
        }

        @Override
        public void cancel(String reason) {
            cancelled = reason;
        }

        @Override
        public void close() {
            snapshot.close();
        }
    }
}
