package io.shardline.storage;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
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

    /**
     * Checks what arrived of this file ({@code size} bytes with CRC-32C {@code crc}) against the manifest.
     *
     * @throws ShardlineException {@code CORRUPTED} naming the file, if either differs
     */
    public void check(ShardId id, long size, int crc) {
        if (size != this.size || crc != crc32c) {
            throw new ShardlineException(ErrorCode.CORRUPTED, id + ": snapshot file " + name
                    + " failed its check (got " + size + " bytes, crc32c " + Integer.toHexString(crc)
                    + "; expected " + this.size + " bytes, crc32c " + Integer.toHexString(crc32c) + ")");
        }
    }
}
