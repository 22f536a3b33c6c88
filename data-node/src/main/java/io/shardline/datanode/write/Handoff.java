package io.shardline.datanode.write;

/** What the coordinator needs from hinted handoff. Thread-safe. */
public interface Handoff {

    /** True if undelivered writes for (node, shard) exist, so new writes must queue behind them. */
    boolean hasPending(long nodeId, long shardId);

    /**
     * Durably queues an encoded shard batch for {@code nodeId} (on disk when this returns).
     *
     * @throws io.shardline.common.error.ShardlineException {@code QUEUE_FULL} ({@code queue is
     *     full}) when the destination's queue reached {@code max-size}; {@code FAILED_PRECONDITION}
     *     when hinted handoff is disabled
     */
    void enqueue(long nodeId, long shardId, byte[] encodedBatch, int points);
}
