package io.shardline.storage;

import java.util.Objects;

/**
 * One file of a shard snapshot: its name relative to the snapshot, its size in bytes and the
 * CRC-32C of its content, which the receiver checks before the copy becomes a shard. Immutable.
 */
public record SnapshotFile(String name, long size, int crc32c) {

    public SnapshotFile {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("invalid snapshot file name: " + name);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size for " + name);
        }
    }
}
