package io.shardline.ctl.backup;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.io.FileChecksums;
import io.shardline.ctl.backup.BackupManifest.ArchivedFile;
import io.shardline.ctl.backup.BackupManifest.ShardEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a restore sends to the owners of one shard archive: for a Shardline archive the files its
 * manifest lists, in archive order (read out of the archive while sending); for an InfluxDB archive
 * ({@code influxd backup -portable}, or {@code shardline-ctl backup -format tsm}) the archive itself as
 * one file with its size and CRC-32C, format {@code tsm.tar.gz}: the owners unpack its TSM and
 * tombstone files and convert them, checking the gzip trailer on the way, so the archive is read once
 * here (for the checksum, not unpacked) and sent compressed. Immutable.
 *
 * @param files the files as the owners receive them
 * @param archiveNames each file's name inside the archive; empty for an archive sent whole
 * @param format {@code ""} or {@code "tsm.tar.gz"}
 */
record ShardPayload(List<ArchivedFile> files, List<String> archiveNames, String format) {

    /** The format of a Shardline backup's TSM archives ({@code -format tsm}). */
    static final String TSM = "tsm";
    /** The format of an archive sent whole to be unpacked and converted by the owners. */
    static final String TSM_ARCHIVE = "tsm.tar.gz";

    ShardPayload {
        files = List.copyOf(files);
        archiveNames = List.copyOf(archiveNames);
    }

    /**
     * Whether the entry holds TSM files: it comes from another tool's manifest (no Shardline file list, no
     * checksum), or from {@code shardline-ctl backup -format tsm}.
     */
    static boolean foreign(ShardEntry entry) {
        return entry.shardFiles().isEmpty() && entry.crc32c() == null || TSM.equals(entry.format());
    }

    /** Whether the archive is sent as it is rather than file by file. */
    boolean whole() {
        return TSM_ARCHIVE.equals(format);
    }

    /** What to send of an archive: the listed files of a Shardline archive, an InfluxDB one whole. */
    static ShardPayload of(Path dir, ShardEntry entry) {
        if (!foreign(entry)) {
            List<String> names = entry.shardFiles().stream().map(ArchivedFile::name).toList();
            return new ShardPayload(entry.shardFiles(), names, "");
        }
        Path archive = dir.resolve(entry.fileName());
        try {
            return new ShardPayload(List.of(new ArchivedFile(archive.getFileName().toString(), Files.size(archive),
                    FileChecksums.crc32c(archive))), List.of(), TSM_ARCHIVE);
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "cannot read archive " + entry.fileName() + " of shard "
                    + entry.shardId() + ": " + e.getMessage(), e);
        }
    }
}
