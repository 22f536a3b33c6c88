package io.shardline.ctl.backup;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.io.FileChecksums;
import io.shardline.ctl.backup.BackupManifest.MetaEntry;
import io.shardline.ctl.backup.BackupManifest.ShardEntry;
import io.shardline.meta.model.ClusterMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a restore reads from a backup directory: the metastore of the newest manifest and, per shard,
 * the newest archive (as 1.x's {@code LoadIncremental}: the entry with the largest last-modified stamp,
 * later manifests winning ties). Given a manifest file, only that manifest and the earlier ones in its
 * directory count, so a full restore from a manifest restores the state at that backup. Immutable.
 */
public record BackupSet(Path dir, Path metaFile, MetaEntry meta, List<ShardEntry> shards) {

    /**
     * @param path a backup directory or one of its manifests
     * @throws ShardlineException {@code INVALID_ARGUMENT} if there is no backup there
     */
    public static BackupSet load(Path path) {
        boolean manifestGiven = Files.isRegularFile(path);
        Path dir = manifestGiven ? path.toAbsolutePath().getParent() : path;
        if (!Files.isDirectory(dir)) {
            throw ShardlineException.invalid("no backup at " + path);
        }
        if (manifestGiven && !path.getFileName().toString().endsWith(".manifest")) {
            throw ShardlineException.invalid(path + " is not a backup manifest");
        }
        List<Path> manifests = new ArrayList<>();
        for (Path m : BackupFiles.manifests(dir)) {
            if (!manifestGiven || m.getFileName().toString().compareTo(path.getFileName().toString()) <= 0) {
                manifests.add(m);
            }
        }
        if (manifests.isEmpty()) {
            throw ShardlineException.invalid("no backup manifest in " + dir);
        }
        MetaEntry meta = null;
        Map<Long, ShardEntry> shards = new LinkedHashMap<>();
        for (Path m : manifests) {
            BackupManifest manifest = BackupFiles.read(m);
            meta = manifest.meta();
            for (ShardEntry e : manifest.files()) {
                ShardEntry before = shards.get(e.shardId());
                if (before == null || e.lastModified() >= before.lastModified()) {
                    shards.put(e.shardId(), e);
                }
            }
        }
        return new BackupSet(dir, dir.resolve(meta.fileName()), meta, List.copyOf(shards.values()));
    }

    /**
     * The backed-up metastore, checked against the manifest.
     *
     * @throws ShardlineException {@code CORRUPTED} naming the file if it is missing, truncated or corrupted
     */
    public ClusterMetadata metadata() {
        return contents().metadata();
    }

    /**
     * The backed-up metastore and what of it Shardline cannot carry, checked against the manifest.
     *
     * @throws ShardlineException {@code CORRUPTED} naming the file if it is missing, truncated or corrupted
     */
    public PortableMeta.Decoded contents() {
        try {
            if (!Files.isRegularFile(metaFile)) {
                throw new ShardlineException(ErrorCode.CORRUPTED, "meta file " + meta.fileName() + " is missing");
            }
            byte[] bytes = Files.readAllBytes(metaFile);
            // 1.x's manifest gives the size of the metastore inside the file: only Shardline's sizes are exact
            if (meta.crc32c() != null && (bytes.length != meta.size() || FileChecksums.crc32c(metaFile) != meta.crc32c())) {
                throw new ShardlineException(ErrorCode.CORRUPTED, "meta file " + meta.fileName()
                        + " is truncated or corrupted: it does not match the manifest");
            }
            return PortableMeta.decodeAll(bytes);
        } catch (IllegalArgumentException e) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "meta file " + meta.fileName() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "cannot read meta file " + meta.fileName() + ": "
                    + e.getMessage(), e);
        }
    }
}
