package io.shardline.storage.memory;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.time.Clock;
import io.shardline.config.data.StorageConfig;
import io.shardline.storage.ShardConverter;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardLoader;
import io.shardline.storage.ShardStatus;
import io.shardline.storage.ShardStore;
import io.shardline.storage.SnapshotFile;
import io.shardline.storage.SnapshotSource;
import io.shardline.storage.internal.ArchiveUnpacking;
import io.shardline.storage.patch.Patch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A {@link ShardEngine} of {@link InMemoryShardStore}s for simulations: shards live as long as the
 * engine (closing a shard keeps its content for a later {@link #open}). Thread-safe.
 */
public final class InMemoryShardEngine implements ShardEngine {

    private static final int CHUNK = 1 << 20;

    private final StorageConfig config;
    private final Clock clock;
    private final LifecycleGuard guard = new LifecycleGuard("storage");
    private final Map<ShardId, InMemoryShardStore> stores = new ConcurrentHashMap<>();
    private final Map<ShardId, Patch> closed = new ConcurrentHashMap<>();

    public InMemoryShardEngine(StorageConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public void start() {
        guard.markStarted();
    }

    @Override
    public synchronized ShardStore open(ShardId id) {
        guard.checkRunning();
        return stores.computeIfAbsent(id, k -> {
            InMemoryShardStore s = new InMemoryShardStore(k, config, clock);
            Patch saved = closed.remove(k);
            if (saved != null) {
                s.ingest(saved);
            }
            return s;
        });
    }

    @Override
    public Optional<ShardStore> get(ShardId id) {
        return Optional.ofNullable(stores.get(id));
    }

    @Override
    public List<ShardStatus> shards() {
        List<ShardStatus> out = new ArrayList<>();
        stores.keySet().forEach(id -> out.add(ShardStatus.opened(id)));
        return out;
    }

    @Override
    public synchronized void closeShard(ShardId id) {
        InMemoryShardStore s = stores.remove(id);
        if (s != null) {
            closed.put(id, Patch.fromBytes(s.snapshot().read(MemorySnapshot.FILE, 0, Integer.MAX_VALUE)));
            s.close();
        }
    }

    @Override
    public synchronized void drop(ShardId id) {
        InMemoryShardStore s = stores.remove(id);
        if (s != null) {
            s.close();
        }
        closed.remove(id);
    }

    @Override
    public synchronized ShardStore ingest(ShardId id, SnapshotSource source, Runnable beforeInstall) {
        guard.checkRunning();
        if (stores.containsKey(id) || closed.containsKey(id)) {
            throw new ShardlineException(ErrorCode.ALREADY_EXISTS, id + " already exists");
        }
        List<SnapshotFile> files = source.files();
        if (files.size() != 1 || !files.get(0).name().equals(MemorySnapshot.FILE)) {
            throw ShardlineException.invalid(id + ": not an in-memory shard snapshot: " + files);
        }
        Patch patch = Patch.fromBytes(readVerified(id, source, files.get(0)));
        beforeInstall.run();
        InMemoryShardStore s = new InMemoryShardStore(id, config, clock);
        s.ingest(patch);
        stores.put(id, s);
        return s;
    }

    /**
     * The files go through a temporary directory (the converter reads files; archives it unpacks are unpacked
     * as they are read, {@link ArchiveUnpacking}); the shard is built in memory.
     */
    @Override
    public ShardStore ingest(ShardId id, SnapshotSource source, ShardConverter converter, Runnable beforeInstall) {
        synchronized (this) {
            guard.checkRunning();
            if (stores.containsKey(id) || closed.containsKey(id)) {
                throw new ShardlineException(ErrorCode.ALREADY_EXISTS, id + " already exists");
            }
        }
        InMemoryShardStore s = new InMemoryShardStore(id, config, clock);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("shardline-convert-");
            List<Path> files = new ArrayList<>();
            for (SnapshotFile f : source.files()) {
                Optional<ShardConverter.Unpacker> unpacker = converter.unpacker(f.name());
                if (unpacker.isPresent()) {
                    files.addAll(ArchiveUnpacking.unpack(id, source, f, unpacker.get(), dir));
                    continue;
                }
                Path p = dir.resolve(Path.of(f.name()).getFileName().toString());
                Files.write(p, readVerified(id, source, f));
                files.add(p);
            }
            ShardLoader loader = ShardLoader.through(s);
            converter.convert(files, loader);
            loader.finish();
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, id + ": cannot stage files to convert: " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
        beforeInstall.run();
        synchronized (this) {
            guard.checkRunning();
            if (stores.putIfAbsent(id, s) != null) {
                throw new ShardlineException(ErrorCode.ALREADY_EXISTS, id + " already exists");
            }
        }
        return s;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; best effort
        }
    }

    private static byte[] readVerified(ShardId id, SnapshotSource source, SnapshotFile f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CRC32C crc = new CRC32C();
        while (out.size() < f.size()) {
            byte[] chunk = source.read(f.name(), out.size(), CHUNK);
            if (chunk.length == 0) {
                break;
            }
            crc.update(chunk);
            out.write(chunk, 0, chunk.length);
        }
        f.check(id, out.size(), (int) crc.getValue());
        return out.toByteArray();
    }

    @Override
    public synchronized void close() {
        if (guard.markClosed()) {
            stores.values().forEach(InMemoryShardStore::close);
            stores.clear();
        }
    }
}
