package io.shardline.datanode.query;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.datanode.shard.StoreLocalShards;
import io.shardline.datanode.write.ConsistencyLevel;
import io.shardline.datanode.write.Handoff;
import io.shardline.datanode.write.ShardBatchCodec;
import io.shardline.datanode.write.ShardMapper;
import io.shardline.datanode.write.ShardTransport;
import io.shardline.datanode.write.ShardWriteResult;
import io.shardline.datanode.write.TombstoneBatchCodec;
import io.shardline.datanode.write.TombstoneWriter;
import io.shardline.datanode.write.WriteService;
import io.shardline.datanode.write.WriteTopology;
import io.shardline.datanode.write.WritesInFlight;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.model.Hlc;
import io.shardline.model.Point;
import io.shardline.model.Precision;
import io.shardline.model.lp.LineProtocolParser;
import io.shardline.model.lp.ParseResult;
import io.shardline.query.ast.Statement;
import io.shardline.query.exec.PartialGroup;
import io.shardline.query.exec.RawRow;
import io.shardline.query.exec.ShardResultCodec;
import io.shardline.query.exec.ShardResultSink;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.plan.SelectPlanCodec;
import io.shardline.query.result.EpochFormat;
import io.shardline.query.result.JsonFormatter;
import io.shardline.query.result.Result;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.memory.InMemoryShardEngine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A query-path test cluster without sockets or meta nodes: {@code n} data nodes (ids 4, 5, ...) with in-memory
 * shard engines, one shared cluster view whose databases get 1-hour shard groups on demand (RF {@code rf},
 * owners rotating like meta's placement), and each node's real {@link DataStatements}. Peers call each other's
 * {@link LocalShardQueries} directly, with plans and results passed through their binary codecs; deletes go
 * through the real {@link TombstoneWriter} with a fake transport and a hinted-handoff list. Nodes can be marked
 * down (unreachable). Confined to the test thread, apart from the statements' own executor.
 */
final class InMemoryQueryCluster implements AutoCloseable {

    static final long HOUR = 3_600_000_000_000L;

    private final int rf;
    private final List<Long> nodes = new ArrayList<>();
    private final Map<Long, ShardEngine> engines = new TreeMap<>();
    private final Map<Long, LocalShardQueries> owners = new TreeMap<>();
    private final Map<Long, StoreLocalTombstones> tombstones = new TreeMap<>();
    private final Map<Long, DataStatements> statements = new TreeMap<>();
    private final Set<Long> down = ConcurrentHashMap.newKeySet();
    private final List<Object[]> handoff = new ArrayList<>();
    private final AtomicReference<ClusterView> view = new AtomicReference<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Clock clock = Clock.system();
    private final Hlc hlc = new Hlc(clock);
    private long nextShard = 1;

    InMemoryQueryCluster(int dataNodes, int rf, long seed) {
        this(dataNodes, rf, seed, SelectLimits.NONE);
    }

    InMemoryQueryCluster(int dataNodes, int rf, long seed, SelectLimits limits) {
        this.rf = rf;
        List<NodeInfo> infos = new ArrayList<>();
        for (int i = 0; i < dataNodes; i++) {
            long id = 4 + i;
            nodes.add(id);
            infos.add(new NodeInfo(id, "127.0.0.1:" + (9000 + i), "127.0.0.1:" + (9100 + i)));
        }
        view.set(ClusterView.of(new ClusterMetadata(List.of(), infos, new TreeMap<>(), 3 + dataNodes, 0, 0, 1)));
        StorageConfig storage = StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION));
        for (long id : nodes) {
            InMemoryShardEngine engine = new InMemoryShardEngine(storage, clock);
            engine.start();
            engines.put(id, engine);
            owners.put(id, new LocalShardQueries(engine, view::get, () -> id));
            tombstones.put(id, new StoreLocalTombstones(engine, new StoreLocalShards(engine, view::get, () -> id)));
        }
        Random random = new Random(seed);
        for (long id : nodes) {
            Replicas replicas = new Replicas(() -> id, owners.get(id), this::peer,
                    new PeerHealth(clock, Duration.ofSeconds(10)), new Random(random.nextLong()));
            TombstoneWriter writer = new TombstoneWriter(topology(id), tombstones.get(id), transport(),
                    handoff(), clock, Duration.ofSeconds(5), false, Runnable::run, new WritesInFlight(), new StatsRegistry());
            statements.put(id, new DataStatements(() -> view.get().metadata(), replicas, executor, writer, hlc::next,
                    pointsWriter(), clock::monotonicNanos, limits));
        }
    }

    List<Long> nodes() {
        return nodes;
    }

    ClusterMetadata metadata() {
        return view.get().metadata();
    }

    /** Creates a database whose default policy {@code autogen} has 1-hour shard groups. */
    void createDatabase(String name) {
        RetentionPolicyInfo rp = RetentionPolicyInfo.of("autogen", 0, HOUR, rf);
        TreeMap<String, RetentionPolicyInfo> rps = new TreeMap<>(Map.of("autogen", rp));
        update(metadata().withDatabase(new DatabaseInfo(name, "autogen", rps)));
    }

    private void update(ClusterMetadata meta) {
        view.set(ClusterView.of(meta.withVersion(meta.version() + 1)));
    }

    /** Writes line protocol to every owner of each point's shard (all owners, as if every write was acked). */
    void write(String db, String body) {
        ParseResult parsed = new LineProtocolParser().parse(body.getBytes(StandardCharsets.UTF_8),
                Precision.NANOSECONDS, clock.wallNanos());
        if (parsed.hasErrors()) {
            throw new IllegalArgumentException(parsed.errorText());
        }
        write(db, "", parsed.points());
    }

    /** Creates policy {@code name} on {@code db} with 1-hour shard groups. */
    void createRetentionPolicy(String db, String name) {
        update(metadata().withRetentionPolicy(db, RetentionPolicyInfo.of(name, 0, HOUR, rf)));
    }

    /** The write path SELECT ... INTO uses here: every owner of each point's shard is written. */
    private WriteService pointsWriter() {
        return new WriteService() {
            @Override
            public boolean databaseExists(String database) {
                return metadata().database(database).isPresent();
            }

            @Override
            public long write(String database, String retentionPolicy, ConsistencyLevel level, List<Point> points) {
                return InMemoryQueryCluster.this.write(database, retentionPolicy, points);
            }
        };
    }

    private synchronized long write(String db, String rpName, List<Point> points) {
        RetentionPolicyInfo rp = metadata().resolveRetentionPolicy(db, rpName).orElseThrow();
        ShardMapper.Mapping m = ShardMapper.map(metadata(), db, rp, points, clock.wallNanos());
        while (!m.complete()) {
            addGroup(db, rp.name(), m.missingGroupAt());
            rp = metadata().resolveRetentionPolicy(db, rpName).orElseThrow();
            m = ShardMapper.map(metadata(), db, rp, points, clock.wallNanos());
        }
        long version = hlc.next();
        for (ShardMapper.ShardPoints sp : m.shards()) {
            for (long owner : sp.shard().owners()) {
                engines.get(owner).open(new ShardId(db, rp.name(), sp.shard().id())).write(sp.points(), version);
            }
        }
        return version;
    }

    /** A 1-hour group at {@code t}: floor(nodes / rf) shards, owners taken round-robin from a rotating start. */
    private void addGroup(String db, String rpName, long t) {
        ClusterMetadata meta = metadata();
        RetentionPolicyInfo rp = meta.retentionPolicy(db, rpName).orElseThrow();
        long start = Math.floorDiv(t, HOUR) * HOUR;
        long groupId = meta.maxShardGroupId() + 1;
        int shards = Math.max(1, nodes.size() / rf);
        List<ShardInfo> infos = new ArrayList<>();
        int next = (int) (groupId % nodes.size());
        for (int s = 0; s < shards; s++) {
            List<Long> owned = new ArrayList<>();
            for (int r = 0; r < Math.min(rf, nodes.size()); r++) {
                owned.add(nodes.get(next++ % nodes.size()));
            }
            infos.add(new ShardInfo(nextShard++, owned));
        }
        ShardGroupInfo group = new ShardGroupInfo(groupId, start, start + HOUR, 0, 0, infos);
        update(meta.withRetentionPolicy(db, rp.withShardGroup(group)).withMaxShardIds(groupId, nextShard - 1));
    }

    /** Marks a node unreachable (true) or reachable again. */
    void setDown(long node, boolean isDown) {
        if (isDown) {
            down.add(node);
        } else {
            down.remove(node);
        }
    }

    /** Delivers the deletes queued for nodes that are reachable again (hinted-handoff replay). */
    void replayHandoff() {
        List<Object[]> left = new ArrayList<>();
        for (Object[] e : handoff) {
            long node = (Long) e[0];
            if (down.contains(node)) {
                left.add(e);
            } else {
                tombstones.get(node).delete(TombstoneBatchCodec.decode((byte[]) e[2]));
            }
        }
        handoff.clear();
        handoff.addAll(left);
    }

    /** Runs {@code q} on {@code node} as {@code /query} would and returns the JSON body without its newline. */
    String query(long node, String db, String q) {
        return query(node, db, q, 0);
    }

    String query(long node, String db, String q, long onlyNode) {
        return query(node, db, "", q, onlyNode);
    }

    String query(long node, String db, String rp, String q, long onlyNode) {
        List<Statement> parsed = InfluxQLParser.parseQuery(q).statements();
        List<Result> results = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < parsed.size(); i++) {
            if (failed) {
                results.add(Result.notExecuted(i));
                continue;
            }
            try {
                results.add(Result.of(i, statements.get(node).execute(parsed.get(i),
                        new QueryContext(db, rp, clock.wallNanos(), onlyNode))));
            } catch (ShardlineException e) {
                results.add(Result.error(i, e.getMessage()));
                failed = true;
            }
        }
        return JsonFormatter.response(results, EpochFormat.RFC3339, false).stripTrailing();
    }

    private OwnerQueries peer(long node) {
        return new OwnerQueries() {
            @Override
            public void select(long shardId, SelectPlan plan, ShardResultSink sink) {
                reachable(node);
                SelectPlan shipped = SelectPlanCodec.decode(SelectPlanCodec.encode(plan));
                owners.get(node).select(shardId, shipped, new ShardResultSink() {
                    @Override
                    public void rows(List<RawRow> rows) {
                        sink.rows(ShardResultCodec.decodeRows(ShardResultCodec.encodeRows(rows)));
                    }

                    @Override
                    public void partials(List<PartialGroup> partials) {
                        sink.partials(ShardResultCodec.decodePartials(ShardResultCodec.encodePartials(partials)));
                    }
                });
            }

            @Override
            public SchemaAnswer schema(SchemaQuestion question) {
                reachable(node);
                return owners.get(node).schema(question);
            }
        };
    }

    private void reachable(long node) {
        if (down.contains(node)) {
            throw new ShardlineException(ErrorCode.UNAVAILABLE, "data node " + node + " unreachable (test)");
        }
    }

    private WriteTopology topology(long self) {
        return new WriteTopology() {
            @Override
            public long localNodeId() {
                return self;
            }

            @Override
            public ClusterMetadata metadata() {
                return view.get().metadata();
            }

            @Override
            public ClusterMetadata createShardGroup(String database, String retentionPolicy, long timestamp) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private ShardTransport transport() {
        return (node, batches, timeout) -> {
            if (down.contains(node)) {
                return CompletableFuture.failedFuture(new ShardlineException(ErrorCode.UNAVAILABLE,
                        "data node " + node + " unreachable (test)"));
            }
            for (byte[] b : batches) {
                if (!TombstoneBatchCodec.isTombstoneBatch(b)) {
                    throw new IllegalStateException("unexpected write " + ShardBatchCodec.shardId(b));
                }
                tombstones.get(node).delete(TombstoneBatchCodec.decode(b));
            }
            return CompletableFuture.completedFuture(ShardWriteResult.allWritten(0));
        };
    }

    private Handoff handoff() {
        return new Handoff() {
            @Override
            public boolean hasPending(long nodeId, long shardId) {
                synchronized (handoff) {
                    return handoff.stream().anyMatch(e -> (Long) e[0] == nodeId && (Long) e[1] == shardId);
                }
            }

            @Override
            public void enqueue(long nodeId, long shardId, byte[] encodedBatch, int points) {
                synchronized (handoff) {
                    handoff.add(new Object[] {nodeId, shardId, encodedBatch});
                }
            }
        };
    }

    /** The number of deletes waiting in hinted handoff. */
    int queuedDeletes() {
        synchronized (handoff) {
            return handoff.size();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        engines.values().forEach(ShardEngine::close);
    }
}
