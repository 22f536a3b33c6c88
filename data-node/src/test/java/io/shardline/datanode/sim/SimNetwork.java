package io.shardline.datanode.sim;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.datanode.write.ShardBatch;
import io.shardline.datanode.write.ShardBatchCodec;
import io.shardline.datanode.write.ShardTransport;
import io.shardline.datanode.write.ShardWriteResult;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A fake network between simulated data nodes: delivers encoded shard batches to the target's
 * store on an executor, or fails with UNAVAILABLE when the link is cut. Links are cut per
 * direction-less node pair.
 */
final class SimNetwork {

    private final Map<Long, SimStore> stores = new ConcurrentHashMap<>();
    private final Set<Set<Long>> cut = ConcurrentHashMap.newKeySet();
    private final Executor executor;

    SimNetwork(Executor executor) {
        this.executor = executor;
    }

    void add(long node, SimStore store) {
        stores.put(node, store);
    }

    void cut(long a, long b) {
        cut.add(Set.of(a, b));
    }

    void heal(long a, long b) {
        cut.remove(Set.of(a, b));
    }

    void healAll() {
        cut.clear();
    }

    Set<Set<Long>> cutLinks() {
        return new HashSet<>(cut);
    }

    /** The transport as seen from node {@code from}. */
    ShardTransport from(long from) {
        return (to, batches, timeoutMillis) -> CompletableFuture.supplyAsync(() -> deliver(from, to, batches), executor);
    }

    private ShardWriteResult deliver(long from, long to, List<byte[]> batches) {
        if (cut.contains(Set.of(from, to))) {
            throw new ShardlineException(ErrorCode.UNAVAILABLE, "connection refused: node " + to);
        }
        int written = 0;
        for (byte[] b : batches) {
            ShardBatch batch = ShardBatchCodec.decode(b);
            written += stores.get(to).write(batch).written();
        }
        return ShardWriteResult.allWritten(written);
    }
}
