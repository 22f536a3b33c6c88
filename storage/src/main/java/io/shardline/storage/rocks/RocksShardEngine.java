package io.shardline.storage.rocks;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.io.Directories;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.time.Clock;
import io.shardline.config.data.StorageConfig;
import io.shardline.storage.ShardConverter;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStatus;
import io.shardline.storage.ShardStore;
import io.shardline.storage.SnapshotSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's RocksDB shards: owns the shared resources ({@link RocksResources}), opens every shard
 * found under {@code [data] dir} at start (a shard that fails is reported with its path and the
 * others keep serving), and runs one maintenance thread for WAL group sync and background block
 * rewrites. Thread-safe; opening, closing, dropping and ingesting are serialised.
 */
public final class RocksShardEngine implements ShardEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RocksShardEngine.class);
    private static final long MAINTENANCE_MILLIS = 1_000;
    private static final int PURGE_EVERY = 60;

    private final StorageConfig config;
    private final Clock clock;
    private final LifecycleGuard guard = new LifecycleGuard("storage");
    private final Map<ShardId, RocksShardStore> open = new ConcurrentHashMap<>();
    private final Map<ShardId, String> failed = new ConcurrentHashMap<>();
    private RocksResources resources;
    private ScheduledExecutorService maintenance;
    private long passes;

    public RocksShardEngine(StorageConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public synchronized void start() {
        guard.markStarted();
        Directories.ensureWritable(config.dir(), "[data] dir");
        Directories.ensureWritable(config.walDir(), "[data] wal-dir");
        resources = new RocksResources(config);
        for (ShardId id : discover()) {
            try {
                open(id);
            } catch (ShardlineException e) {
                LOG.error("Cannot open shard, the node keeps serving the others: {}", e.getMessage());
            }
        }
        maintenance = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("storage-maintenance", true));
        if (!config.walFsyncDelay().isZero()) {
            long delay = Math.max(1, config.walFsyncDelay().toMillis());
            maintenance.scheduleWithFixedDelay(this::syncAll, delay, delay, TimeUnit.MILLISECONDS);
        }
        maintenance.scheduleWithFixedDelay(this::maintainAll, MAINTENANCE_MILLIS, MAINTENANCE_MILLIS,
                TimeUnit.MILLISECONDS);
        LOG.info("Storage started dir={} wal-dir={} shards={} failed={}", config.dir(), config.walDir(), open.size(),
                failed.size());
    }

    private List<ShardId> discover() {
        List<ShardId> ids = new ArrayList<>();
        for (Path db : list(config.dir())) {
            for (Path rp : list(db)) {
                for (Path shard : list(rp)) {
                    String name = shard.getFileName().toString();
                    if (name.startsWith(".")) {
                        RocksSnapshot.deleteTree(shard);
                    } else if (name.matches("[0-9]{1,18}")) {
                        ids.add(new ShardId(db.getFileName().toString(), rp.getFileName().toString(),
                                Long.parseLong(name)));
                    }
                }
            }
        }
        return ids;
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", dir, e.toString());
            return List.of();
        }
    }

    @Override
    public synchronized ShardStore open(ShardId id) {
        guard.checkRunning();
        RocksShardStore s = open.get(id);
        if (s != null) {
            return s;
        }
        Path dir = id.under(config.dir());
        boolean exists = Files.isDirectory(dir) && !isEmpty(dir);
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectories(id.under(config.walDir()).getParent());
            s = RocksShardStore.open(id, dir, id.under(config.walDir()), resources, clock, !exists);
        } catch (IOException e) {
            throw remember(id, StorageErrors.wrap(e, id, dir, "open"));
        } catch (ShardlineException e) {
            throw remember(id, e);
        }
        failed.remove(id);
        open.put(id, s);
        return s;
    }

    private ShardlineException remember(ShardId id, ShardlineException e) {
        failed.put(id, e.getMessage());
        return e;
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Optional<ShardStore> get(ShardId id) {
        return Optional.ofNullable(open.get(id));
    }

    @Override
    public List<ShardStatus> shards() {
        List<ShardStatus> out = new ArrayList<>();
        open.keySet().forEach(id -> out.add(ShardStatus.opened(id)));
        failed.forEach((id, error) -> out.add(ShardStatus.failed(id, error)));
        return out;
    }

    @Override
    public Map<String, Long> shardFigures(ShardId id) {
        RocksShardStore store = open.get(id);
        if (store == null) {
            return Map.of();
        }
        try {
            return store.figures();
        } catch (RuntimeException e) {
            return Map.of(); // closed meanwhile
        }
    }

    @Override
    public Map<String, Long> engineFigures() {
        RocksResources r = resources;
        if (r == null || !guard.isRunning()) {
            return Map.of();
        }
        List<Map<String, Long>> shards = new ArrayList<>();
        for (ShardId id : open.keySet()) {
            Map<String, Long> f = shardFigures(id);
            if (!f.isEmpty()) {
                shards.add(f);
            }
        }
        return RocksFigures.engine(r, shards);
    }

    @Override
    public synchronized void closeShard(ShardId id) {
        RocksShardStore s = open.remove(id);
        if (s != null) {
            s.close();
        }
    }

    @Override
    public synchronized void drop(ShardId id) {
        guard.checkRunning();
        closeShard(id);
        failed.remove(id);
        RocksSnapshot.deleteTree(id.under(config.dir()));
        RocksSnapshot.deleteTree(id.under(config.walDir()));
    }

    /**
     * Pulls the snapshot without holding the engine's lock (a copy may take minutes and must not
     * stall writes that open other shards), then moves it into place and opens it under the lock.
     */
    @Override
    public ShardStore ingest(ShardId id, SnapshotSource source, Runnable beforeInstall) {
        return ingest(id, beforeInstall, dir -> SnapshotIngest.stage(id, source, dir, id.under(config.walDir())));
    }

    @Override
    public ShardStore ingest(ShardId id, SnapshotSource source, ShardConverter converter, Runnable beforeInstall) {
        return ingest(id, beforeInstall, dir -> SnapshotIngest.convert(id, source, dir, id.under(config.walDir()),
                converter, (data, wal) -> RocksShardStore.open(id, data, wal, resources, clock, true)));
    }

    private ShardStore ingest(ShardId id, Runnable beforeInstall, Function<Path, SnapshotIngest.Staged> stage) {
        Path dir = id.under(config.dir());
        synchronized (this) {
            guard.checkRunning();
            if (open.containsKey(id)) {
                throw new ShardlineException(ErrorCode.ALREADY_EXISTS, id + " already exists");
            }
            try {
                Files.createDirectories(dir.getParent());
                Files.createDirectories(id.under(config.walDir()).getParent());
            } catch (IOException e) {
                throw StorageErrors.wrap(e, id, dir, "ingest");
            }
        }
        SnapshotIngest.Staged staged = stage.apply(dir);
        try {
            beforeInstall.run();
        } catch (RuntimeException e) {
            staged.discard();
            throw e;
        }
        synchronized (this) {
            if (open.containsKey(id) || !guard.isRunning()) {
                staged.discard();
                guard.checkRunning();
                throw new ShardlineException(ErrorCode.ALREADY_EXISTS, id + " already exists");
            }
            staged.install();
            LOG.info("Ingested shard {} path={}", id, dir);
            return open(id);
        }
    }

    private void syncAll() {
        for (RocksShardStore s : open.values()) {
            try {
                s.syncWal();
            } catch (RuntimeException e) {
                LOG.warn("WAL sync failed: {}", e.getMessage());
            }
        }
    }

    private void maintainAll() {
        boolean purge = ++passes % PURGE_EVERY == 0;
        for (RocksShardStore s : open.values()) {
            try {
                s.maintain(clock.monotonicNanos(), purge);
            } catch (RuntimeException e) {
                LOG.warn("Background rewrite failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService m;
        synchronized (this) {
            if (!guard.markClosed()) {
                return;
            }
            m = maintenance;
        }
        if (m != null) {
            m.shutdownNow();
            try {
                m.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            open.values().forEach(RocksShardStore::close);
            open.clear();
            if (resources != null) {
                resources.close();
            }
        }
    }
}
