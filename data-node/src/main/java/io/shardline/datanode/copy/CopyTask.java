package io.shardline.datanode.copy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.NodeInfo;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one copy onto this node (see {@link ShardCopier} for the protocol): pull and install the
 * snapshot, become an owner, wait until every live data node routes the shard's writes here too and has
 * none in flight that it routed by an older view, then catch up with the source. A failure or a kill at
 * any step rolls back to where the node was before: the owner entry this copy added is removed (and the
 * node waits until its own view no longer lists it, so no late write recreates the shard), then the
 * installed shard is dropped. Runs on one copy thread; {@link #kill} and {@link #progress} may be called from any thread.
 */
final class CopyTask implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CopyTask.class);
    private static final Duration PEER_CALL = Duration.ofSeconds(2);

    private final ShardCopier.Dependencies deps;
    private final CopyRequest request;
    private final ShardId shard;
    /** Set once the source is asked for the snapshot (on the copy thread). */
    private volatile IncomingSnapshot snapshot;
    private final long self;
    private final boolean wasOwner;
    private final long startedAtNanos;
    private final CountDownLatch killedSignal = new CountDownLatch(1);
    private final CompletableFuture<CopyOutcome> done = new CompletableFuture<>();
    /** Runs with the outcome before {@link #done} completes (the copier's bookkeeping). */
    private final java.util.function.Consumer<CopyOutcome> onEnd;
    private volatile CopyPhase phase = CopyPhase.PULLING;
    private volatile boolean killed;
    private boolean installed;
    /** The gate was held by {@link ShardCopier#start} for this copy until the shard is installed. */
    private boolean holdsGate = true;
    private boolean ownerAdded;

    CopyTask(ShardCopier.Dependencies deps, CopyRequest request, ShardId shard, long self, boolean wasOwner,
             long startedAtNanos, java.util.function.Consumer<CopyOutcome> onEnd) {
        this.deps = deps;
        this.onEnd = onEnd;
        this.request = request;
        this.shard = shard;
        this.self = self;
        this.wasOwner = wasOwner;
        this.startedAtNanos = startedAtNanos;
    }

    CopyProgress progress() {
        IncomingSnapshot s = snapshot;
        return new CopyProgress(request.source(), deps.selfAddress(), shard.database(), shard.retentionPolicy(),
                shard.id(), s == null ? 0 : s.totalBytes(), s == null ? 0 : s.copiedBytes(), startedAtNanos,
                CopyProgress.Side.DESTINATION, phase.label());
    }

    CompletableFuture<CopyOutcome> done() {
        return done;
    }

    /** Asks the copy to stop; it rolls back on its own thread and then completes {@link #done}. */
    void kill() {
        killed = true;
        killedSignal.countDown();
        IncomingSnapshot s = snapshot;
        if (s != null) {
            s.cancel("copy of shard " + shard.id() + " from " + request.source() + " was killed");
        }
    }

    @Override
    public void run() {
        ShardlineException failure = null;
        long t0 = deps.clock().monotonicNanos();
        long pulled = t0;
        long owned = t0;
        try {
            snapshot = deps.sources().openSnapshot(request.source(), shard.id(), deps.selfAddress(),
                    request.rateLimitBytesPerSecond());
            checkKilled();
            snapshot.files(); // waits for the manifest: the source's own errors (no such shard) come here
            ShardStore store = deps.engine().ingest(shard, snapshot);
            installed = true;
            releaseGate();
            pulled = deps.clock().monotonicNanos();
            LOG.info("Copied shard snapshot {} from={} bytes={} pullMs={}", shard, request.source(),
                    snapshot.totalBytes(), (pulled - t0) / 1_000_000);
            checkKilled();
            phase = CopyPhase.ADDING_OWNER;
            if (!wasOwner) {
                deps.meta().addOwner(shard.id(), self);
                ownerAdded = true;
            }
            owned = deps.clock().monotonicNanos();
            checkKilled();
            phase = CopyPhase.CATCHING_UP;
            catchUp(store);
            checkKilled();
        } catch (ShardlineException e) {
            failure = killed ? cancelled() : e;
        } catch (RuntimeException e) {
            failure = killed ? cancelled() : ShardlineException.wrap(e, ErrorCode.INTERNAL, "copy of shard " + shard.id());
        } finally {
            IncomingSnapshot s = snapshot;
            if (s != null) {
                s.close();
            }
        }
        if (failure != null) {
            rollBack(failure);
        } else {
            long end = deps.clock().monotonicNanos();
            LOG.info("Copy of shard {} from={} done owner={} pullMs={} addOwnerMs={} catchUpMs={}", shard,
                    request.source(), self, (pulled - t0) / 1_000_000, (owned - pulled) / 1_000_000,
                    (end - owned) / 1_000_000);
        }
        releaseGate();
        CopyOutcome outcome = new CopyOutcome(progress(), failure);
        try {
            onEnd.accept(outcome);
        } finally {
            done.complete(outcome);
        }
    }

    private void releaseGate() {
        if (holdsGate) {
            holdsGate = false;
            deps.gate().release(shard.id());
        }
    }

    /**
     * Writes that reached the old owners while this node was not an owner yet are on the source: wait
     * until every data node (this one too) has a view in which this node owns the shard, so nothing new
     * bypasses it, and has no write left in flight that it routed by an older view; then one pass merges
     * the difference. Where some node cannot say that (it did not answer, it is of an older build that
     * does not count its writes, or its old writes outlast the wait), two passes follow, each after a
     * short pause for writes in flight.
     */
    private void catchUp(ShardStore store) {
        boolean settled = awaitPeerViews(deps.meta().currentVersion());
        int passes = settled ? 1 : 2;
        for (int pass = 1; pass <= passes; pass++) {
            if (!settled) {
                pause(deps.grace());
            }
            checkKilled();
            CatchUp.Pass r = CatchUp.run(store, deps.sources(), request.source(), shard.id(),
                    snapshot.sourceLastModified());
            LOG.info("Caught up shard {} with {} pass={} settled={} sourceChanged={} differingBuckets={} merged={}",
                    shard, request.source(), pass, settled, r.sourceChanged(), r.differingBuckets(), r.merged());
        }
    }

    /**
     * Waits until every data node routes by view {@code version} and has no write in flight routed by an
     * older one; returns whether every node said so before the deadline.
     */
    private boolean awaitPeerViews(long version) {
        long deadline = deps.clock().monotonicNanos() + deps.viewWait().toNanos();
        boolean settled = true;
        for (NodeInfo node : deps.meta().view().metadata().dataNodes()) {
            while (true) {
                checkKilled();
                Optional<PeerViews.PeerView> v = deps.peers().view(node.tcpAddress(), PEER_CALL);
                if (v.isEmpty()) {
                    settled = false; // unreachable: a node that cannot be reached coordinates no write
                    break;
                }
                boolean routes = v.get().routesBy(version);
                if (routes && (v.get().settledSince(version) || v.get().oldestWriteInFlight().isEmpty())) {
                    settled &= v.get().settledSince(version);
                    break;
                }
                if (deps.clock().monotonicNanos() > deadline) {
                    LOG.warn("Data node view or writes still behind, catching up anyway shard={} node={} version={}"
                            + " wanted={} oldestWriteInFlight={}", shard.id(), node.id(), v.get().viewVersion(),
                            version, v.get().oldestWriteInFlight());
                    settled = false;
                    break;
                }
                pause(Pauses.POLL);
            }
        }
        return settled;
    }

    /** Waits {@code d} or until killed. */
    private void pause(Duration d) {
        try {
            killedSignal.await(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShardlineException(ErrorCode.CANCELLED, "copy of shard " + shard.id() + " interrupted");
        }
    }

    private void checkKilled() {
        if (killed) {
            throw cancelled();
        }
    }

    private ShardlineException cancelled() {
        return new ShardlineException(ErrorCode.CANCELLED, "copy of shard " + shard.id() + " from "
                + request.source() + " to " + deps.selfAddress() + " was killed");
    }

    /** Undoes what this copy did, owner entry first, so the node never owns a shard it silently lacks. */
    private void rollBack(ShardlineException failure) {
        if (!installed) {
            LOG.warn("Copy of shard {} from={} ended before the shard was installed error=\"{}\"", shard,
                    request.source(), failure.getMessage());
            return;
        }
        boolean held = deps.gate().tryHold(shard.id());
        try {
            if (ownerAdded) {
                deps.meta().removeOwner(shard.id(), self);
                awaitOwnViewWithoutOwnership();
            }
            deps.engine().drop(shard);
            LOG.warn("Copy of shard {} from={} rolled back error=\"{}\"", shard, request.source(), failure.getMessage());
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            LOG.error("Copy of shard {} from={} failed and could not be rolled back; the shard stays on this node"
                    + " (remove it with remove-shard) error=\"{}\" rollbackError=\"{}\"", shard, request.source(),
                    failure.getMessage(), e.getMessage());
        } finally {
            if (held) {
                deps.gate().release(shard.id());
            }
        }
    }

    private void awaitOwnViewWithoutOwnership() {
        Pauses.until(() -> !deps.meta().view().shards().owners(shard.id()).contains(self), deps.viewWait(),
                deps.clock());
    }
}
