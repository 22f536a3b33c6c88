package io.shardline.datanode.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The snapshots this node is sending to other nodes, for the source's side of copy-shard-status.
 * Each transfer registers itself, counts what it sent and deregisters when it ends. Thread-safe.
 */
public final class OutgoingCopies {

    /** One transfer: a handle its sender updates. */
    public final class Transfer implements AutoCloseable {

        private final CopyProgress start;
        private final AtomicLong sent = new AtomicLong();

        private Transfer(CopyProgress start) {
            this.start = start;
        }

        public void sent(long bytes) {
            sent.addAndGet(bytes);
        }

        CopyProgress progress() {
            return new CopyProgress(start.source(), start.destination(), start.database(), start.retentionPolicy(),
                    start.shardId(), start.totalBytes(), sent.get(), start.startedAtNanos(), CopyProgress.Side.SOURCE,
                    CopyPhase.SENDING.label());
        }

        @Override
        public void close() {
            transfers.remove(this);
        }
    }

    private final Map<Transfer, Boolean> transfers = new ConcurrentHashMap<>();

    /** Registers a transfer of {@code totalBytes} of a shard to {@code destination}. */
    public Transfer begin(String source, String destination, String database, String retentionPolicy, long shardId,
                          long totalBytes, long startedAtNanos) {
        Transfer t = new Transfer(new CopyProgress(source, destination, database, retentionPolicy, shardId, totalBytes,
                0, startedAtNanos, CopyProgress.Side.SOURCE, CopyPhase.SENDING.label()));
        transfers.put(t, Boolean.TRUE);
        return t;
    }

    public List<CopyProgress> copies() {
        List<CopyProgress> out = new ArrayList<>();
        transfers.keySet().forEach(t -> out.add(t.progress()));
        return out;
    }
}
