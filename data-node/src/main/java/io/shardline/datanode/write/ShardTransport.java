package io.shardline.datanode.write;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends encoded shard batches ({@link ShardBatchCodec}) to another data node, which writes them
 * in order. Completes exceptionally with a {@code ShardlineException} whose code says whether a
 * retry can help. Thread-safe.
 */
public interface ShardTransport {

    CompletableFuture<ShardWriteResult> writeShard(long nodeId, List<byte[]> encodedBatches, long timeoutMillis);
}
