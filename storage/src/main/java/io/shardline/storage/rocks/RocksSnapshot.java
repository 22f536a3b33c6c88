package io.shardline.storage.rocks;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.io.ChunkCopy;
import io.shardline.common.io.FileChecksums;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardSnapshot;
import io.shardline.storage.SnapshotFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A RocksDB checkpoint of a shard (hard links to its immutable files, taken after a flush, so it is a
 * consistent point in time) in a hidden directory next to the shard, listed with sizes and CRC-32C
 * checksums (computed when it is taken; a table file's is remembered from an earlier checkpoint of
 * the same file, see {@link FileChecksums#crc32cOfImmutable}) and readable in memory-mapped chunks. Closing deletes the directory. Thread-safe for reads.
 */
final class RocksSnapshot implements ShardSnapshot {

    private final ShardId shard;
    private final Path dir;
    private final List<SnapshotFile> files;
    private volatile boolean closed;

    private RocksSnapshot(ShardId shard, Path dir, List<SnapshotFile> files) {
        this.shard = shard;
        this.dir = dir;
        this.files = files;
    }

    /** Lists and checksums the files of a checkpoint directory. */
    static RocksSnapshot of(ShardId shard, Path dir) throws IOException {
        List<SnapshotFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    String name = p.getFileName().toString();
                    // table files never change: a copy or backup of the same files again does not re-read them
                    int crc = name.endsWith(".sst") ? FileChecksums.crc32cOfImmutable(p) : FileChecksums.crc32c(p);
                    files.add(new SnapshotFile(name, Files.size(p), crc));
                }
            }
        }
        return new RocksSnapshot(shard, dir, List.copyOf(files));
    }

    @Override
    public ShardId shard() {
        return shard;
    }

    @Override
    public List<SnapshotFile> files() {
        return files;
    }

    @Override
    public byte[] read(String name, long offset, int maxLength) {
        return ChunkCopy.toArray(readBuffer(name, offset, maxLength));
    }

    /** A read-only memory map of the region: the bytes go from the page cache to the network unread. */
    @Override
    public ByteBuffer readBuffer(String name, long offset, int maxLength) {
        SnapshotFile f = files.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> ShardlineException.notFound(shard + ": no snapshot file " + name));
        if (closed) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, shard + ": snapshot is closed");
        }
        long n = Math.max(0, Math.min(maxLength, f.size() - offset));
        if (n == 0) {
            return ByteBuffer.allocate(0);
        }
        try (FileChannel ch = FileChannel.open(dir.resolve(name), StandardOpenOption.READ)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, offset, n);
        } catch (IOException e) {
            throw StorageErrors.wrap(e, shard, dir, "read snapshot file " + name);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            deleteTree(dir);
        }
    }

    /** Deletes a directory tree, ignoring what is already gone. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
