package io.shardline.storage.rocks;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.common.unit.ByteSize;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.storage.ShardId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The shards of one data directory ({@code [data] dir}) opened read-only for offline tools such as
 * {@code shardline inspect export}: nothing is ever written, and because each shard opens as a
 * RocksDB secondary instance (no lock) it works whether the data node that owns the directory is
 * stopped or running. Owns a small set of RocksDB resources and a scratch directory for the
 * secondaries' info logs, both released by {@link #close()}. Not thread-safe: one tool thread.
 */
public final class ReadOnlyShards implements AutoCloseable {

    private static final long CACHE = 32L << 20;

    private final Path dataDir;
    private final Path walRoot;
    private final Path scratch;
    private RocksResources resources;
    private long instances;

    /**
     * {@code walRoot} is the node's {@code [data] wal-dir} or null to find each shard's log as
     * {@link #walDirOf} describes.
     */
    public ReadOnlyShards(Path dataDir, Path walRoot) {
        this.dataDir = dataDir;
        this.walRoot = walRoot;
        if (!Files.isDirectory(dataDir)) {
            throw new ShardlineException(ErrorCode.NOT_FOUND, "data directory " + dataDir + " does not exist");
        }
        try {
            this.scratch = Files.createTempDirectory("shardline-read-only-");
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, "cannot create a scratch directory: " + e, e);
        }
    }

    /** Every shard directory {@code <db>/<rp>/<id>}, sorted by database, retention policy, then id. */
    public List<ShardId> discover() {
        List<ShardId> ids = new ArrayList<>();
        for (Path db : dirs(dataDir)) {
            for (Path rp : dirs(db)) {
                for (Path shard : dirs(rp)) {
                    String name = shard.getFileName().toString();
                    if (name.matches("[0-9]{1,18}") && Files.exists(shard.resolve("CURRENT"))) {
                        ids.add(new ShardId(db.getFileName().toString(), rp.getFileName().toString(),
                                Long.parseLong(name)));
                    }
                }
            }
        }
        ids.sort(Comparator.comparing(ShardId::database).thenComparing(ShardId::retentionPolicy)
                .thenComparingLong(ShardId::id));
        return ids;
    }

    /** The directory of shard {@code id}. */
    public Path dirOf(ShardId id) {
        return id.under(dataDir);
    }

    /**
     * Where the log of shard {@code id} is: under the given WAL root when there is one; else the
     * {@code wal_dir} the data node recorded in the shard's newest RocksDB {@code OPTIONS} file if
     * that directory exists; else {@code <data dir>/../wal/<db>/<rp>/<id>} if it exists (the layout
     * of {@code scripts/cluster.sh}); else the shard directory itself ({@code wal-dir} equal to
     * {@code dir}). A wrong guess would silently hide the writes not yet flushed, so the recorded
     * directory comes first.
     */
    public Path walDirOf(ShardId id) {
        if (walRoot != null) {
            return id.under(walRoot);
        }
        Optional<Path> recorded = recordedWalDir(dirOf(id)).filter(Files::isDirectory);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        Path parent = dataDir.toAbsolutePath().getParent();
        Path sibling = parent == null ? null : id.under(parent.resolve("wal"));
        return sibling != null && Files.isDirectory(sibling) ? sibling : dirOf(id);
    }

    /** Opens shard {@code id} read-only; close it before opening many more. */
    public ReadOnlyShard open(ShardId id) {
        Path dir = dirOf(id);
        if (!Files.exists(dir.resolve("CURRENT"))) {
            throw new ShardlineException(ErrorCode.NOT_FOUND, id + ": no shard at " + dir);
        }
        Path logs = scratch.resolve(Long.toString(++instances));
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, "cannot create " + logs + ": " + e, e);
        }
        ShardDb db = ShardDb.openSecondary(id, dir, walDirOf(id), logs, resources());
        try {
            return new ReadOnlyShard(new ShardState(id, db, resources, Clock.system(), -instances));
        } catch (RuntimeException e) {
            db.close();
            throw StorageErrors.wrap(e, id, dir, "open read-only");
        }
    }

    private RocksResources resources() {
        if (resources == null) {
            Config c = Config.defaults(DataNodeConfig.DEFINITION)
                    .with(StorageConfig.DIR, dataDir.toString())
                    .with(StorageConfig.BLOCK_CACHE_SIZE, ByteSize.ofBytes(CACHE))
                    .with(StorageConfig.CACHE_MAX_MEMORY_SIZE, ByteSize.ofBytes(CACHE))
                    .with(StorageConfig.SERIES_CACHE_MAX_MEMORY_SIZE, ByteSize.parse("32m"))
                    .with(StorageConfig.MAX_CONCURRENT_COMPACTIONS, 1L);
            resources = new RocksResources(StorageConfig.from(c));
        }
        return resources;
    }

    /** The {@code wal_dir} line of the newest {@code OPTIONS-<n>} file in {@code shardDir}. */
    static Optional<Path> recordedWalDir(Path shardDir) {
        Optional<Path> newest;
        try (Stream<Path> s = Files.list(shardDir)) {
            newest = s.filter(p -> p.getFileName().toString().matches("OPTIONS-[0-9]+"))
                    .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(8))));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(newest.get(), StandardCharsets.UTF_8)) {
            return lines.map(String::trim).filter(l -> l.startsWith("wal_dir=")).findFirst()
                    .map(l -> l.substring("wal_dir=".length()).trim()).filter(v -> !v.isEmpty()).map(Path::of);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Path> dirs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, "cannot list " + dir + ": " + e, e);
        }
    }

    @Override
    public void close() {
        if (resources != null) {
            resources.close();
            resources = null;
        }
        RocksSnapshot.deleteTree(scratch);
    }
}
