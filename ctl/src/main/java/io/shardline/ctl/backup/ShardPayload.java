package io.shardline.ctl.backup;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.ctl.backup.BackupManifest.ArchivedFile;
import io.shardline.ctl.backup.BackupManifest.ShardEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The files of one shard archive a restore sends to the owners, in archive order: for a Shardline
 * archive the files its manifest lists; for an InfluxDB archive ({@code influxd backup -portable},
 * entries {@code <db>/<rp>/<id>/<gen>-<seq>.tsm} and {@code .tombstone}, besides index files that are
 * not sent) the TSM and tombstone files found by one pass over the archive, with their sizes and
 * CRC-32C, sent under their base names with format {@code tsm} for the owners to convert. Immutable.
 *
 * @param files the files as the owners receive them
 * @param archiveNames each file's name inside the archive
 * @param format {@code ""} or {@code "tsm"}
 */
record ShardPayload(List<ArchivedFile> files, List<String> archiveNames, String format) {

    static final String TSM = "tsm";

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

    /** What to send of an archive: the listed files of a Shardline archive, the TSM files of an InfluxDB one. */
    static ShardPayload of(Path dir, ShardEntry entry) {
        if (!foreign(entry)) {
            List<String> names = entry.shardFiles().stream().map(ArchivedFile::name).toList();
            return new ShardPayload(entry.shardFiles(), names, "");
        }
        return scanTsm(dir, entry);
    }

    private static ShardPayload scanTsm(Path dir, ShardEntry entry) {
        List<ArchivedFile> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (ShardArchiveReader archive = new ShardArchiveReader(dir.resolve(entry.fileName()))) {
            for (TarFormat.Entry e; (e = archive.next()) != null; ) {
                String base = e.name().substring(e.name().lastIndexOf('/') + 1);
                if (!e.regular() || !(base.endsWith(".tsm") || base.endsWith(".tombstone"))) {
                    continue; // directories, fields.idx, TSI index files: InfluxDB rebuilds them from the TSM keys
                }
                CRC32C crc = new CRC32C();
                for (ByteBuffer b; (b = archive.read(1 << 20)).hasRemaining(); ) {
                    crc.update(b);
                }
                files.add(new ArchivedFile(base, e.size(), (int) crc.getValue()));
                names.add(e.name());
            }
            archive.drain();
        } catch (IOException | IllegalArgumentException e) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "archive " + entry.fileName() + " of shard "
                    + entry.shardId() + " is not a readable tar.gz: " + e.getMessage(), e);
        }
        if (files.stream().noneMatch(f -> f.name().endsWith(".tsm"))
                && files.stream().anyMatch(f -> f.name().endsWith(".tombstone"))) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "archive " + entry.fileName() + " of shard "
                    + entry.shardId() + " holds tombstone files without their TSM files");
        }
        if (names.stream().distinct().count() != names.size()
                || files.stream().map(ArchivedFile::name).distinct().count() != files.size()) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "archive " + entry.fileName() + " of shard "
                    + entry.shardId() + " holds the same TSM file name twice");
        }
        return new ShardPayload(files, names, TSM);
    }
}
