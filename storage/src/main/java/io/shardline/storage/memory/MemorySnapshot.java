package io.shardline.storage.memory;

import io.shardline.storage.ShardId;
import io.shardline.storage.ShardSnapshot;
import io.shardline.storage.SnapshotFile;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A snapshot of an in-memory shard: one file, {@value #FILE}, holding a patch of everything.
 * Immutable and thread-safe.
 */
final class MemorySnapshot implements ShardSnapshot {

    static final String FILE = "shard.patch";

    private final ShardId shard;
    private final byte[] content;
    private final SnapshotFile file;

    MemorySnapshot(ShardId shard, byte[] content) {
        this.shard = shard;
        this.content = content;
        CRC32C crc = new CRC32C();
        crc.update(content);
        this.file = new SnapshotFile(FILE, content.length, (int) crc.getValue());
    }

    @Override
    public ShardId shard() {
        return shard;
    }

    @Override
    public List<SnapshotFile> files() {
        return List.of(file);
    }

    @Override
    public byte[] read(String name, long offset, int maxLength) {
        if (!FILE.equals(name) || offset < 0 || offset > content.length) {
            throw new IllegalArgumentException("no such snapshot file or offset: " + name + "@" + offset);
        }
        int from = (int) offset;
        return Arrays.copyOfRange(content, from, (int) Math.min(content.length, (long) from + maxLength));
    }

    @Override
    public void close() {
    }
}
