package io.shardline.storage;

import io.shardline.common.io.ChunkCopy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.List;

/**
 * A consistent point-in-time copy of a shard seen as files to pull: the local {@link ShardSnapshot},
 * or a stub reading one over the network. Implementations say their threading.
 */
public interface SnapshotSource {

    /** The files, with sizes and checksums. */
    List<SnapshotFile> files();

    /**
     * Up to {@code maxLength} bytes of file {@code name} from {@code offset}; an empty array at the
     * end of the file.
     */
    byte[] read(String name, long offset, int maxLength);

    /**
     * Like {@link #read} without a copy where the source can (a memory-mapped region of a local
     * file); the buffer is not changed afterwards.
     */
    default ByteBuffer readBuffer(String name, long offset, int maxLength) {
        return ByteBuffer.wrap(read(name, offset, maxLength));
    }

    /**
     * Writes the bytes of {@code file}, from the start, into {@code out}; returns how many there were
     * (fewer than its size if the source ended early). The caller checks size and checksum.
     */
    default long transferTo(SnapshotFile file, WritableByteChannel out) throws IOException {
        return ChunkCopy.copy(file.size(), 1 << 22, (offset, max) -> readBuffer(file.name(), offset, max), out);
    }
}
