package io.shardline.ctl.backup;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.ctl.backup.BackupManifest.ArchivedFile;
import io.shardline.ctl.datanode.DataNodeConnections;
import io.shardline.meta.model.ShardLocation;
import io.shardline.proto.datanode.ReadShardSnapshotRequest;
import io.shardline.proto.datanode.ShardSnapshotManifest;
import io.shardline.proto.datanode.SnapshotFileMessage;
import io.shardline.transfer.ChunkMarshaller;
import io.shardline.transfer.ChunkReceiver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls one shard's consistent snapshot from a data node ({@code ReadShardSnapshot}, the engine
 * copy-shard uses: a RocksDB checkpoint taken while writes go on) straight into a shard archive, each
 * file checked against the snapshot's size and CRC-32C as it is written. The archive is written under a
 * {@code .pending} name and renamed when complete; on failure it is deleted. Not thread-safe.
 */
final class ShardFetcher {

    /** Told the shard's size (bytes of its files) once known, then the bytes as they arrive; on the fetching thread. */
    interface Progress {
        void started(long totalBytes);

        void transferred(long bytes);
    }

    /** What a fetched shard became. */
    record Fetched(long bytes, int crc32c, long lastModified, List<ArchivedFile> files) {
    }

    private final DataNodeConnections nodes;
    private final Duration idleTimeout;
    private final int gzipLevel;

    ShardFetcher(DataNodeConnections nodes, Duration idleTimeout, int gzipLevel) {
        this.nodes = nodes;
        this.idleTimeout = idleTimeout;
        this.gzipLevel = gzipLevel;
    }

    /**
     * @param format {@code ""} for the shard's own files, {@code "tsm"} for TSM files the node writes from
     *     its content, archived as {@code <db>/<rp>/<id>/<file>} like InfluxDB's shard archives
     */
    Fetched fetch(ShardLocation shard, String node, String format, long rateLimit, Path target, long mtimeSeconds,
                  Progress progress) {
        long shardId = shard.shardId();
        String prefix = format.isEmpty() ? "" : shard.database() + "/" + shard.retentionPolicy() + "/" + shardId + "/";
        String what = "snapshot of shard " + shardId + " from " + node;
        ChunkReceiver rx = new ChunkReceiver(what, idleTimeout,
                t -> DataNodeConnections.failure(node, "read snapshot of shard " + shardId, t));
        ReadShardSnapshotRequest request = ReadShardSnapshotRequest.newBuilder().setShardId(shardId)
                .setDestinationTcpAddress("shardline-ctl backup").setRateLimitBytesPerSecond(rateLimit).setFormat(format)
                .build();
        ChunkMarshaller.readShardSnapshot(nodes.streamingStub(node), request, rx);
        Path pending = target.resolveSibling(target.getFileName() + BackupFiles.PENDING);
        try {
            ShardSnapshotManifest manifest = rx.manifest();
            progress.started(manifest.getFilesList().stream().mapToLong(SnapshotFileMessage::getSize).sum());
            List<ArchivedFile> files = new ArrayList<>();
            long bytes;
            int crc;
            try (ShardArchiveWriter archive = new ShardArchiveWriter(pending, gzipLevel, mtimeSeconds)) {
                for (int i = 0; i < manifest.getFilesCount(); i++) {
                    SnapshotFileMessage f = manifest.getFiles(i);
                    int index = i;
                    ArchivedFile a = archive.file(prefix + f.getName(), f.getSize(),
                            out -> rx.transferFile(index, counted(out, progress)));
                    if (a.crc32c() != f.getCrc32C()) {
                        throw new ShardlineException(ErrorCode.CORRUPTED, what + ": file " + f.getName()
                                + " failed its check (crc32c " + Integer.toHexString(a.crc32c()) + ", expected "
                                + Integer.toHexString(f.getCrc32C()) + ")");
                    }
                    files.add(a);
                }
                rx.awaitEnd();
                bytes = archive.finish();
                crc = archive.crc32c();
            }
            Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE);
            return new Fetched(bytes, crc, manifest.getLastModified(), files);
        } catch (IOException e) {
            deleteQuietly(pending);
            rx.cancel("backup failed");
            throw new ShardlineException(ErrorCode.INTERNAL, "cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(pending);
            rx.cancel("backup failed");
            throw e;
        } finally {
            rx.close();
        }
    }

    /** {@code out}, telling {@code progress} of every write. */
    private static WritableByteChannel counted(WritableByteChannel out, Progress progress) {
        return new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                int n = out.write(src);
                progress.transferred(n);
                return n;
            }

            @Override
            public boolean isOpen() {
                return out.isOpen();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover .pending file is never taken for part of a backup
        }
    }
}
