package io.shardline.datanode.copy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.meta.model.ShardLocation;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Copies shards onto this node (the destination pulls): copy-shard's engine, and the one anti-entropy
 * uses to restore a shard missing from an owner. The protocol:
 *
 * <pre>
 * destination                                  source
 *   hold write gate (no write may create it)
 *   ReadShardSnapshot ------------------------> RocksDB checkpoint (hard links, ms; writes go on)
 *   &lt;-- manifest (files, sizes, CRC-32C) ------
 *   &lt;-- chunks (file, offset, bytes, CRC-32C) -- flow-controlled, optional rate limit
 *   verify every file, move into place, open; release gate
 *   AddShardOwner(shard, me)  (meta)              [skipped if already an owner]
 *   wait until every live data node's view has me as owner and none has a
 *   write in flight routed by an older view (DescribeDataNode); then once
 *   (twice after a short pause each where a node cannot say so):
 *     LocalShardStatus -------------------------> last-modified stamp; unchanged since the
 *                                                 snapshot: nothing to catch up, else
 *     ShardDigest ------------------------------> digest
 *     ExportShardPatch(differing buckets) ------> patch; merge by version
 * </pre>
 *
 * A copy that fails or is killed leaves nothing: see {@link CopyTask}. Copies are keyed by (source,
 * shard); one copy per shard at a time. Outcomes of the last {@value #KEEP_FINISHED} finished copies
 * are kept for {@link #await}. Thread-safe.
 */
public final class ShardCopier {

    static final int KEEP_FINISHED = 64;

    /**
     * What a copy works with; {@code grace} is the pause before each catch-up pass where some data node
     * cannot say whether writes it routed before the owner change are still in flight.
     */
    record Dependencies(ShardEngine engine, ShardWriteGate gate, ShardSource sources, CopyMeta meta, PeerViews peers,
                        String selfAddress, Clock clock, Duration viewWait, Duration grace) {
    }

    private record Key(String source, long shardId) {
    }

    private final Dependencies deps;
    private final Executor executor;
    private final Map<Key, CopyTask> running = new ConcurrentHashMap<>();
    private final Map<Key, CopyOutcome> finished = new LinkedHashMap<>();

    /**
     * @param selfAddress this node's advertised gRPC address (what copy-shard names it by)
     * @param viewWait longest wait for the other data nodes' views to list this node as an owner
     * @param grace pause before each catch-up pass where some node cannot say whether its writes routed
     *     before the owner change are still in flight
     * @param executor runs each copy on its own thread
     */
    public ShardCopier(ShardEngine engine, ShardWriteGate gate, ShardSource sources, CopyMeta meta, PeerViews peers,
                       String selfAddress, Clock clock, Duration viewWait, Duration grace, Executor executor) {
        this.deps = new Dependencies(engine, gate, sources, meta, peers, selfAddress, clock, viewWait, grace);
        this.executor = executor;
    }

    /**
     * Checks what this node can check and starts the copy in the background; the source's answers
     * (e.g. {@code NOT_FOUND} when it lacks the shard) end the copy with that error, see {@link #await}.
     *
     * @throws ShardlineException {@code ALREADY_EXISTS} if this node has the shard or is copying it,
     *     {@code NOT_FOUND} for a shard unknown here, {@code INVALID_ARGUMENT} for a copy to itself,
     *     {@code FAILED_PRECONDITION} before this node joined a cluster
     */
    public CopyProgress start(CopyRequest request) {
        return begin(request).progress();
    }

    /**
     * Starts a copy like {@link #start} and returns its outcome when it ends: anti-entropy's way to
     * restore a shard this node owns but lacks ({@code CopyRequest.of(sourceAddress, shardId)}).
     */
    public CompletableFuture<CopyOutcome> copy(CopyRequest request) {
        return begin(request).done();
    }

    private CopyTask begin(CopyRequest request) {
        long self = deps.meta().nodeId();
        if (self == 0) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "data node " + deps.selfAddress()
                    + " is not in a cluster yet");
        }
        if (request.source().equals(deps.selfAddress())) {
            throw ShardlineException.invalid("cannot copy shard " + request.shardId() + " from data node "
                    + request.source() + " to itself");
        }
        Optional<ShardLocation> location = deps.meta().view().shards().shard(request.shardId());
        if (location.isEmpty() && request.database().isEmpty()) {
            throw ShardlineException.notFound("shard not found: " + request.shardId());
        }
        ShardId shard = location.map(l -> new ShardId(l.database(), l.retentionPolicy(), l.shardId()))
                .orElseGet(() -> new ShardId(request.database(), request.retentionPolicy(), request.shardId()));
        if (!deps.gate().tryHold(shard.id())) {
            throw new ShardlineException(ErrorCode.ALREADY_EXISTS, "shard " + shard.id() + " is already being "
                    + (isCopying(shard.id()) ? "copied to" : "removed from") + " data node " + deps.selfAddress());
        }
        try {
            if (deps.engine().shards().stream().anyMatch(s -> s.id().id() == shard.id())) {
                throw new ShardlineException(ErrorCode.ALREADY_EXISTS, "shard " + shard.id()
                        + " already exists on data node " + deps.selfAddress());
            }
            boolean wasOwner = location.isPresent() && location.get().shard().ownedBy(self);
            Key key = new Key(request.source(), shard.id());
            CopyTask task = new CopyTask(deps, request, shard, self, wasOwner, deps.clock().wallNanos(),
                    outcome -> finish(key, outcome));
            running.put(key, task);
            try {
                executor.execute(task);
            } catch (RuntimeException e) {
                running.remove(key);
                throw ShardlineException.wrap(e, ErrorCode.UNAVAILABLE, "cannot start the copy of shard " + shard.id());
            }
            return task;
        } catch (RuntimeException e) {
            deps.gate().release(shard.id());
            throw e;
        }
    }

    /**
     * Waits up to {@code wait} for the copy of {@code shardId} from {@code source} to end: its outcome,
     * or empty while it still runs.
     *
     * @throws ShardlineException {@code NOT_FOUND} if there is no such copy, running or recently finished
     */
    public Optional<CopyOutcome> await(String source, long shardId, Duration wait) {
        Key key = new Key(source, shardId);
        CopyTask task = running.get(key);
        if (task != null) {
            try {
                return Optional.of(task.done().get(wait.toNanos(), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShardlineException(ErrorCode.CANCELLED, "interrupted");
            } catch (ExecutionException e) {
                throw ShardlineException.wrap(e.getCause(), ErrorCode.INTERNAL, "copy of shard " + shardId);
            }
        }
        synchronized (finished) {
            CopyOutcome outcome = finished.get(key);
            if (outcome != null) {
                return Optional.of(outcome);
            }
        }
        throw notFound(source, shardId);
    }

    /**
     * Kills a running copy and waits up to {@code wait} until it rolled back.
     *
     * @throws ShardlineException {@code NOT_FOUND} if no such copy is running, {@code TIMEOUT} if the
     *     roll-back did not finish in time (it goes on)
     */
    public void kill(String source, long shardId, Duration wait) {
        CopyTask task = running.get(new Key(source, shardId));
        if (task == null) {
            throw notFound(source, shardId);
        }
        task.kill();
        try {
            task.done().get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ShardlineException(ErrorCode.TIMEOUT, "copy of shard " + shardId + " is still rolling back");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShardlineException(ErrorCode.CANCELLED, "interrupted");
        } catch (ExecutionException e) {
            throw ShardlineException.wrap(e.getCause(), ErrorCode.INTERNAL, "copy of shard " + shardId);
        }
    }

    /** The copies onto this node in progress. */
    public List<CopyProgress> copies() {
        List<CopyProgress> out = new ArrayList<>();
        running.values().forEach(t -> out.add(t.progress()));
        return out;
    }

    /** Whether a copy of the shard onto this node is in progress. */
    public boolean isCopying(long shardId) {
        return running.keySet().stream().anyMatch(k -> k.shardId() == shardId);
    }

    /** Kills every running copy (the node is closing); their roll-backs finish on their threads. */
    public void killAll() {
        running.values().forEach(CopyTask::kill);
    }

    /** Records the outcome; one copy per shard runs at a time (the gate), so the key is this copy's. */
    private void finish(Key key, CopyOutcome outcome) {
        synchronized (finished) {
            finished.remove(key);
            finished.put(key, outcome);
            while (finished.size() > KEEP_FINISHED) {
                finished.remove(finished.keySet().iterator().next());
            }
        }
        running.remove(key);
    }

    private ShardlineException notFound(String source, long shardId) {
        return ShardlineException.notFound("no copy of shard " + shardId + " from " + source + " to data node "
                + deps.selfAddress());
    }
}
