package io.shardline.storage;

import io.shardline.common.lifecycle.Service;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node-level registry of shards: owns the resources all shards share and opens, closes, drops
 * and ingests shards. A shard that cannot be opened is reported (and its error thrown on
 * {@link #open}) while the others keep serving. {@link #start()} opens the shards found on disk.
 * Thread-safe.
 */
public interface ShardEngine extends Service {

    /** The open shard, opening or creating it as needed. */
    ShardStore open(ShardId id);

    /** The shard if it is open. */
    Optional<ShardStore> get(ShardId id);

    /** Every shard the engine knows: open ones and ones that failed to open. */
    List<ShardStatus> shards();

    /** Closes one shard, keeping its data. */
    void closeShard(ShardId id);

    /** Closes the shard and deletes its data; a no-op if it does not exist. */
    void drop(ShardId id);

    /**
     * Creates shard {@code id} from a snapshot (usually another node's), verifying every file's size
     * and checksum before the shard appears; fails with {@code ALREADY_EXISTS} if it exists.
     */
    default ShardStore ingest(ShardId id, SnapshotSource source) {
        return ingest(id, source, () -> { });
    }

    /**
     * Like {@link #ingest(ShardId, SnapshotSource)}, running {@code beforeInstall} once every file is
     * staged and verified and before the shard appears (restore's commit point: it may wait for the
     * other owners); if it throws, the staged files are discarded and nothing appears.
     */
    ShardStore ingest(ShardId id, SnapshotSource source, Runnable beforeInstall);

    /**
     * Like {@link #ingest(ShardId, SnapshotSource, Runnable)} for files in a foreign format: they are
     * staged and verified, {@code converter} writes their content into a hidden new shard, the files
     * are deleted, {@code beforeInstall} runs, and only then does the shard appear. If any step
     * throws, nothing appears.
     */
    ShardStore ingest(ShardId id, SnapshotSource source, ShardConverter converter, Runnable beforeInstall);

    /**
     * The engine's own node-wide figures for statistics, by name (RocksDB: block cache hits and
     * usage, stall time, compaction and flush bytes, and the open shards' figures summed). Cheap: no
     * scan. Empty for engines that have none.
     */
    default Map<String, Long> engineFigures() {
        return Map.of();
    }

    /**
     * One open shard's engine figures for statistics, by name ({@code numSeries}, memtable and table
     * bytes, pending compactions, stalls); cheap, no scan. Empty when the shard is not open or the
     * engine has none.
     */
    default Map<String, Long> shardFigures(ShardId id) {
        return Map.of();
    }
}
