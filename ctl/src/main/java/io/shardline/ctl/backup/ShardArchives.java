package io.shardline.ctl.backup;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.io.FileChecksums;
import io.shardline.ctl.backup.BackupManifest.ShardEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of shard archives against their manifest entry before anything is restored: present, the
 * size the manifest says, and (for Shardline's manifests) the CRC-32C of the whole archive. Stateless.
 */
public final class ShardArchives {

    private ShardArchives() {
    }

    /**
     * @throws ShardlineException {@code CORRUPTED} naming the archive and shard if it is missing,
     *     truncated or corrupted
     */
    public static void verify(Path dir, ShardEntry entry) {
        Path archive = dir.resolve(entry.fileName());
        String name = "archive " + entry.fileName() + " of shard " + entry.shardId();
        try {
            if (!Files.isRegularFile(archive)) {
                throw new ShardlineException(ErrorCode.CORRUPTED, name + " is missing");
            }
            long size = Files.size(archive);
            if (entry.crc32c() == null) {
                return; // 1.x's manifest gives the tar's size before gzip; the gzip trailer is checked when read
            }
            if (size != entry.size()) {
                throw new ShardlineException(ErrorCode.CORRUPTED, name + " is truncated or has the wrong size: " + size
                        + " bytes, the manifest says " + entry.size());
            }
            if (entry.crc32c() != null && FileChecksums.crc32c(archive) != entry.crc32c()) {
                throw new ShardlineException(ErrorCode.CORRUPTED, name
                        + " is corrupted: its CRC-32C does not match the manifest");
            }
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "cannot read " + name + ": " + e.getMessage(), e);
        }
    }

}
