package io.shardline.datanode.entropy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.ManualClock;
import io.shardline.config.Config;
import io.shardline.config.data.AntiEntropyConfig;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.meta.model.ShardLocation;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardSnapshot;
import io.shardline.storage.ShardStore;
import io.shardline.storage.memory.InMemoryShardEngine;
import io.shardline.storage.patch.Patch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * Data nodes for anti-entropy simulations: each has an {@link InMemoryShardEngine} (its "disk",
 * kept across crashes), an {@link EntropyNode} (rebuilt on restart from its state directory), and a
 * fake network: peers call each other's {@code EntropyNode} directly on the caller's thread, and a
 * call fails with {@code UNAVAILABLE} when either end is down or their link is cut. Everything runs
 * on the test thread with a {@link ManualClock}, so a seed replays exactly. Missing shards are copied
 * through the in-memory engine's snapshot and ingest.
 */
final class SimEntropyCluster {

    static final long T0 = 1_700_000_000_000_000_000L;
    static final long HOUR = 3_600_000_000_000L;
    static final Executor DIRECT = Runnable::run;

    /** One simulated data node. */
    final class Node {
        final long id;
        final Path stateDir;
        InMemoryShardEngine engine;
        EntropyNode ae;
        EntropyStats stats;
        boolean up = true;
        /** False: the node has not loaded the cluster view yet (just started, meta not answered). */
        boolean viewLoaded = true;

        Node(long id, Path stateDir) {
            this.id = id;
            this.stateDir = stateDir;
            this.engine = newEngine();
            boot();
        }

        void boot() {
            stats = new EntropyStats(new StatsRegistry());
            ae = new EntropyNode(config, engine, () -> viewLoaded ? view : ClusterView.EMPTY, () -> id, new Peers(id), copier ? new Copier(id) : null,
                    SimEntropyCluster.this::live, clock, stats, stateDir);
            ae.load();
        }

        ShardStore store(long shardId) {
            ShardLocation l = view.shards().shard(shardId).orElseThrow();
            return engine.get(new ShardId(l.database(), l.retentionPolicy(), shardId)).orElse(null);
        }

        ShardStore open(long shardId) {
            ShardLocation l = view.shards().shard(shardId).orElseThrow();
            return engine.open(new ShardId(l.database(), l.retentionPolicy(), shardId));
        }
    }

    final ManualClock clock = new ManualClock(T0 / 1_000_000L);
    final AntiEntropyConfig config;
    final Map<Long, Node> nodes = new TreeMap<>();
    final Set<Set<Long>> cuts = new HashSet<>();
    /** Peer calls made, by "method from" (e.g. "digest 4": digests node 4 asked a peer for). */
    final Map<String, java.util.concurrent.atomic.LongAdder> calls = new java.util.concurrent.ConcurrentHashMap<>();
    final boolean copier;
    ClusterMetadata metadata;
    ClusterView view;
    /** Sees every pushed patch before it is applied. */
    interface PatchObserver {
        void observe(Node receiver, long shardId, Patch patch);
    }

    PatchObserver patchObserver = (n, shard, p) -> { };

    SimEntropyCluster(AntiEntropyConfig config, boolean copier, Path dir, Map<Long, List<Long>> shardOwners,
                      Map<Long, String> shardPolicies, long... nodeIds) {
        this.config = config;
        this.copier = copier;
        this.metadata = metadata(shardOwners, shardPolicies, nodeIds);
        this.view = ClusterView.of(metadata);
        for (long id : nodeIds) {
            nodes.put(id, new Node(id, dir.resolve("node-" + id)));
        }
    }

    static AntiEntropyConfig config(Duration settle, boolean autoRepairDiff, long maxBytes, int maxFetch) {
        Config c = Config.defaults(DataNodeConfig.DEFINITION);
        AntiEntropyConfig d = AntiEntropyConfig.from(c);
        return new AntiEntropyConfig(true, Duration.ofSeconds(30), maxFetch, d.maxSync(), true, autoRepairDiff, settle,
                maxBytes);
    }

    private InMemoryShardEngine newEngine() {
        StorageConfig storage = StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION));
        InMemoryShardEngine e = new InMemoryShardEngine(storage, clock);
        e.start();
        return e;
    }

    /**
     * One database {@code db} with a policy per entry of {@code shardPolicies} (name to its shards'
     * owners, RF = owners of the first shard), one shard group per policy covering a day from T0.
     */
    private static ClusterMetadata metadata(Map<Long, List<Long>> shardOwners, Map<Long, String> shardPolicies,
                                            long... nodeIds) {
        Map<String, List<ShardInfo>> byPolicy = new TreeMap<>();
        shardOwners.forEach((shard, owners) -> byPolicy.computeIfAbsent(shardPolicies.get(shard), k -> new ArrayList<>())
                .add(new ShardInfo(shard, owners)));
        DatabaseInfo db = DatabaseInfo.empty("db");
        long groupId = 1;
        for (Map.Entry<String, List<ShardInfo>> e : byPolicy.entrySet()) {
            ShardGroupInfo group = new ShardGroupInfo(groupId++, T0 - 12 * HOUR, T0 + 12 * HOUR, 0, 0, e.getValue());
            db = db.withRetentionPolicy(RetentionPolicyInfo.of(e.getKey(), 0, 24 * HOUR,
                    e.getValue().get(0).owners().size()).withShardGroup(group));
        }
        db = db.withDefaultRetentionPolicy(byPolicy.keySet().iterator().next());
        List<NodeInfo> data = new ArrayList<>();
        for (long n : nodeIds) {
            data.add(new NodeInfo(n, "n" + n + ":8088", "n" + n + ":8086"));
        }
        long maxShard = shardOwners.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        return new ClusterMetadata(List.of(), data, new TreeMap<>(Map.of("db", db)), 10, groupId, maxShard, 1);
    }

    Node node(long id) {
        return nodes.get(id);
    }

    Set<Long> live() {
        Set<Long> out = new HashSet<>();
        nodes.values().forEach(n -> {
            if (n.up) {
                out.add(n.id);
            }
        });
        return out;
    }

    boolean reachable(long from, long to) {
        return node(from).up && node(to).up && !cuts.contains(Set.of(from, to));
    }

    void cut(long a, long b) {
        cuts.add(Set.of(a, b));
    }

    void crash(long id) {
        node(id).up = false;
    }

    /** Restarts a crashed node: same shards, anti-entropy state reloaded from its state directory. */
    void restart(long id) {
        Node n = node(id);
        n.up = true;
        n.boot();
    }

    /** Deletes a stopped node's shards and anti-entropy state (scripts/cluster.sh wipe). */
    void wipe(long id) {
        Node n = node(id);
        n.engine = newEngine();
        try {
            java.nio.file.Files.deleteIfExists(n.stateDir.resolve(EntropyStateStore.FILE_NAME));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Loses a stopped node's shards but keeps its anti-entropy state (a data disk replaced). */
    void loseShards(long id) {
        node(id).engine = newEngine();
    }

    /** Runs a pass on every live node. */
    void passAll() {
        for (Node n : nodes.values()) {
            if (n.up) {
                n.ae.runPass(DIRECT);
            }
        }
    }

    /** Runs queued jobs on every live node until none is startable; returns how many ran. */
    int drain() {
        int ran = 0;
        for (int round = 0; round < 10_000; round++) {
            boolean any = false;
            for (Node n : nodes.values()) {
                if (!n.up) {
                    continue;
                }
                for (Runnable job : n.ae.takeJobs()) {
                    job.run();
                    ran++;
                    any = true;
                }
            }
            if (!any) {
                return ran;
            }
        }
        throw new AssertionError("jobs never stopped coming: a repair loops");
    }

    /** The digest roots of the shard's owners that hold it (NO_CUTOFF), by node. */
    Map<Long, Long> roots(long shardId) {
        Map<Long, Long> out = new TreeMap<>();
        for (long owner : view.shards().owners(shardId)) {
            ShardStore s = node(owner).store(shardId);
            out.put(owner, s == null ? -1 : s.digest(io.shardline.storage.digest.Digest.NO_CUTOFF).root());
        }
        return out;
    }

    boolean converged(long shardId) {
        return new HashSet<>(roots(shardId).values()).size() == 1 && !roots(shardId).containsValue(-1L);
    }

    /** How many {@code method} calls node {@code from} made to its peers. */
    long calls(String method, long from) {
        var n = calls.get(method + " " + from);
        return n == null ? 0 : n.sum();
    }

    /** Ranges covering every series of a store. */
    static List<SeriesRange> everything(ShardStore s) {
        List<SeriesRange> out = new ArrayList<>();
        for (var sd : s.digest(io.shardline.storage.digest.Digest.NO_CUTOFF).series()) {
            out.add(new SeriesRange(sd.series(), Long.MIN_VALUE, Long.MAX_VALUE));
        }
        return out;
    }

    private final class Peers implements EntropyPeers {
        private final long from;

        Peers(long from) {
            this.from = from;
        }

        private EntropyNode to(long node) {
            String method = StackWalker.getInstance().walk(f -> f.skip(1).findFirst().orElseThrow()).getMethodName();
            calls.computeIfAbsent(method + " " + from, k -> new java.util.concurrent.atomic.LongAdder()).increment();
            if (!reachable(from, node)) {
                throw new ShardlineException(ErrorCode.UNAVAILABLE, "data node " + node + " unreachable from " + from);
            }
            return node(node).ae;
        }

        @Override
        public ReplicaInfo shardInfo(long node, long shardId, boolean withDigestRoot, long versionCutoff) {
            return to(node).shardInfo(shardId, withDigestRoot, versionCutoff);
        }

        @Override
        public byte[] digest(long node, long shardId, long versionCutoff) {
            return to(node).digest(shardId, versionCutoff);
        }

        @Override
        public byte[] rowDigest(long node, long shardId, byte[] ranges, long versionCutoff, long resolution) {
            return to(node).rowDigest(shardId, ranges, versionCutoff, resolution);
        }

        @Override
        public byte[] presence(long node, long shardId, byte[] request, long versionCutoff, long bucketNanos) {
            return to(node).presence(shardId, request, versionCutoff, bucketNanos);
        }

        @Override
        public ApplyOutcome applyPatch(long node, long shardId, Patch patch, List<Long> visited, boolean last,
                                       RepairHint hint) {
            EntropyNode target = to(node);
            if (patch != null) {
                patchObserver.observe(node(node), shardId, Patch.fromBytes(patch.toBytes()));
            }
            return target.applyPatch(shardId, patch, visited, last, hint);
        }

        @Override
        public long repair(long node, long shardId, boolean forwarded) {
            return to(node).repair(shardId, forwarded);
        }

        @Override
        public void cancelRepair(long node, long shardId) {
            to(node).cancelRepair(shardId, true);
        }

        @Override
        public EntropyReport status(long node) {
            return to(node).status(true, false);
        }
    }

    private final class Copier implements MissingShardCopier {
        private final long self;

        Copier(long self) {
            this.self = self;
        }

        @Override
        public long copy(ShardLocation location, long sourceNode) {
            if (!reachable(self, sourceNode)) {
                throw new ShardlineException(ErrorCode.UNAVAILABLE, "data node " + sourceNode + " unreachable");
            }
            ShardStore source = node(sourceNode).store(location.shardId());
            if (source == null) {
                throw ShardlineException.notFound("shard " + location.shardId() + " not found on " + sourceNode);
            }
            try (ShardSnapshot snap = source.snapshot()) {
                long bytes = snap.files().stream().mapToLong(f -> f.size()).sum();
                node(self).engine.ingest(new ShardId(location.database(), location.retentionPolicy(),
                        location.shardId()), snap);
                return bytes;
            }
        }
    }
}
