package io.shardline.storage;

import java.util.List;

/**
 * A consistent point-in-time copy of a shard seen as files to pull in chunks: the local
 * {@link ShardSnapshot}, or a stub reading one over the network. Implementations say their threading.
 */
public interface SnapshotSource {

    /** The files, with sizes and checksums. */
    List<SnapshotFile> files();

    /**
     * Up to {@code maxLength} bytes of file {@code name} from {@code offset}; an empty array at the
     * end of the file.
     */
    byte[] read(String name, long offset, int maxLength);
}
