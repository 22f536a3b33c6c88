package io.shardline.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns staged foreign files (for example an InfluxDB shard's TSM files) into the content of a new
 * shard, through {@link ShardEngine#ingest(ShardId, SnapshotSource, ShardConverter, Runnable)}. Runs on
 * the ingesting thread; the files are read-only and deleted afterwards. A converter may unpack an archive
 * as it arrives ({@link #unpacker}), so the transfer and the unpacking overlap and the archive itself is
 * never written.
 */
@FunctionalInterface
public interface ShardConverter {

    /**
     * How to unpack snapshot file {@code name} as it arrives, if it is an archive this converter reads
     * that way; empty (the default) for a file that is staged whole.
     */
    default Optional<Unpacker> unpacker(String name) {
        return Optional.empty();
    }

    /**
     * Loads the content of {@code files} (the snapshot's files, verified, in manifest order) into
     * {@code shard}, the engine's bulk path into the new shard (the engine calls
     * {@link ShardLoader#finish} afterwards); a thrown exception discards everything.
     */
    void convert(List<Path> files, ShardLoader shard);

    /** Unpacks one archive of a snapshot as its bytes arrive. */
    @FunctionalInterface
    interface Unpacker {

        /**
         * Unpacks the archive from {@code in} (its bytes as they arrive) into {@code dir}, a private staging
         * directory, and returns the files it wrote; {@link #convert} gets them in the archive's place. It
         * need not read to the end of {@code in}: the engine reads the rest and then checks the archive's
         * size and CRC-32C, and a damaged transfer is reported as that check's failure even when the
         * unpacking failed first. A thrown exception discards everything.
         */
        List<Path> unpack(InputStream in, Path dir);
    }
}
