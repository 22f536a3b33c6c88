package io.shardline.datanode.write;

/**
 * Writes a batch into a shard stored on this node, creating the shard on first write when this
 * node owns it in the cluster view (and refusing with {@code NOT_FOUND}/{@code FAILED_PRECONDITION}
 * when it does not). Returns only once the batch is in the write-ahead log. Thread-safe.
 */
public interface LocalShards {

    ShardWriteResult write(ShardBatch batch);
}
