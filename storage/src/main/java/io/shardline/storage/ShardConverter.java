package io.shardline.storage;

import java.nio.file.Path;
import java.util.List;

/**
 * Turns staged foreign files (for example an InfluxDB shard's TSM files) into the content of a new
 * shard, through {@link ShardEngine#ingest(ShardId, SnapshotSource, ShardConverter, Runnable)}. Runs on
 * the ingesting thread; the files are read-only and deleted afterwards.
 */
@FunctionalInterface
public interface ShardConverter {

    /**
     * Loads the content of {@code files} (the snapshot's files, verified, in manifest order) into
     * {@code shard}, the engine's bulk path into the new shard (the engine calls
     * {@link ShardLoader#finish} afterwards); a thrown exception discards everything.
     */
    void convert(List<Path> files, ShardLoader shard);
}
