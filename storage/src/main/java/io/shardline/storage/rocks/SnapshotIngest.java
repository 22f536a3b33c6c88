package io.shardline.storage.rocks;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.storage.ShardId;
import io.shardline.storage.SnapshotFile;
import io.shardline.storage.SnapshotSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * Turns a snapshot stream into a shard directory: every file is pulled in chunks into a hidden
 * temporary directory and checked against its size and CRC-32C, log files go to the shard's WAL
 * directory, and only then is the directory moved into place atomically. On any failure the
 * temporary files are removed and no shard appears. Stateless.
 */
final class SnapshotIngest {

    private static final int CHUNK = 1 << 20;
    private static final AtomicLong NONCE = new AtomicLong();

    private SnapshotIngest() {
    }

    static void ingest(ShardId id, SnapshotSource source, Path target, Path walTarget) {
        if (Files.exists(target)) {
            throw new ShardlineException(ErrorCode.ALREADY_EXISTS, id + " already exists at " + target);
        }
        String name = "." + id.id() + ".ingest-" + NONCE.incrementAndGet();
        Path tmp = target.getParent().resolve(name);
        Path walTmp = walTarget.getParent().resolve(name);
        boolean separateWal = !walTarget.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize());
        try {
            Files.createDirectories(tmp);
            for (SnapshotFile f : source.files()) {
                pull(id, source, f, tmp.resolve(f.name()));
            }
            if (separateWal) {
                Files.createDirectories(walTmp);
                try (var files = Files.list(tmp)) {
                    for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                        Files.move(p, walTmp.resolve(p.getFileName()));
                    }
                }
                RocksSnapshot.deleteTree(walTarget);
                Files.move(walTmp, walTarget, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            cleanUp(tmp, walTmp);
            throw StorageErrors.wrap(e, id, target, "ingest snapshot");
        } catch (RuntimeException e) {
            cleanUp(tmp, walTmp);
            throw e;
        }
    }

    private static void pull(ShardId id, SnapshotSource source, SnapshotFile f, Path dest) throws IOException {
        CRC32C crc = new CRC32C();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(dest)) {
            while (size < f.size()) {
                byte[] chunk = source.read(f.name(), size, (int) Math.min(CHUNK, f.size() - size));
                if (chunk.length == 0) {
                    break;
                }
                crc.update(chunk);
                out.write(chunk);
                size += chunk.length;
            }
        }
        if (size != f.size() || (int) crc.getValue() != f.crc32c()) {
            throw new ShardlineException(ErrorCode.CORRUPTED, id + ": snapshot file " + f.name()
                    + " failed its check (got " + size + " bytes, crc32c " + Integer.toHexString((int) crc.getValue())
                    + "; expected " + f.size() + " bytes, crc32c " + Integer.toHexString(f.crc32c()) + ")");
        }
    }

    private static void cleanUp(Path tmp, Path walTmp) {
        try {
            RocksSnapshot.deleteTree(tmp);
            RocksSnapshot.deleteTree(walTmp);
        } catch (RuntimeException ignored) {
            // Best effort: hidden leftovers are removed when the engine starts.
        }
    }
}
