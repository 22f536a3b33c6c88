package io.shardline.datanode.copy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.meta.model.ShardLocation;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStatus;
import io.shardline.storage.ShardStore;
import io.shardline.storage.SnapshotSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shard administration on this node: {@code remove-shard} (owner entry first, then the data, so a
 * failure never leaves an owner that silently lacks its data) and the replica states of
 * {@code show-shards -v}. Thread-safe.
 */
public final class ShardAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(ShardAdmin.class);

    private final ShardEngine engine;
    private final ShardWriteGate gate;
    private final ShardCopier copier;
    private final CopyMeta meta;
    private final String selfAddress;
    private final Duration hotWindow;
    private final Duration viewWait;
    private final Clock clock;

    /**
     * @param hotWindow a replica written within this long is {@code hot} ({@code [data]
     *     block-rewrite-cold-duration}, the same test as {@code /shard-status}'s {@code is_hot})
     * @param viewWait longest wait for this node's view to drop a removed ownership
     */
    public ShardAdmin(ShardEngine engine, ShardWriteGate gate, ShardCopier copier, CopyMeta meta, String selfAddress,
                      Duration hotWindow, Duration viewWait, Clock clock) {
        this.engine = engine;
        this.gate = gate;
        this.copier = copier;
        this.meta = meta;
        this.selfAddress = selfAddress;
        this.hotWindow = hotWindow;
        this.viewWait = viewWait;
        this.clock = clock;
    }

    /**
     * Removes this node from the shard's owners in meta, waits until its own view agrees (so no late
     * write recreates the shard), then deletes the local replica. Writes that would open the shard
     * meanwhile are refused ({@link ShardWriteGate}). If deleting fails the owner entry is already
     * gone and the files are orphans a retry deletes.
     *
     * @return whether a local replica was deleted (false: the node owned the shard without data)
     * @throws ShardlineException {@code NOT_FOUND} if this node neither owns nor stores the shard,
     *     {@code FAILED_PRECONDITION} while the shard is being copied here
     */
    public boolean removeShard(long shardId) {
        long self = meta.nodeId();
        Optional<ShardStatus> local = local(shardId);
        boolean owner = self != 0 && meta.view().shards().owners(shardId).contains(self);
        if (!owner && local.isEmpty()) {
            throw ShardlineException.notFound("shard " + shardId + " not found on data node " + selfAddress);
        }
        if (copier.isCopying(shardId) || !gate.tryHold(shardId)) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "shard " + shardId
                    + " is being copied to or removed from data node " + selfAddress
                    + "; wait for it or kill the copy first");
        }
        try {
            if (owner) {
                meta.removeOwner(shardId, self);
                if (!Pauses.until(() -> !meta.view().shards().owners(shardId).contains(self), viewWait, clock)) {
                    LOG.warn("View still lists this node as an owner after remove-shard shard={}", shardId);
                }
            }
            Optional<ShardStatus> now = local(shardId);
            now.ifPresent(s -> engine.drop(s.id()));
            LOG.info("Removed shard {} from this node owner={} deleted={}", shardId, owner, now.isPresent());
            return now.isPresent();
        } finally {
            gate.release(shardId);
        }
    }

    /**
     * Installs a restored shard on this node, which must own it in meta and lack it locally: the files
     * are staged and verified, {@code beforeInstall} runs (the restore's commit point), then the shard
     * appears. Writes that would create the shard meanwhile are refused ({@link ShardWriteGate}).
     *
     * @throws ShardlineException {@code NOT_FOUND} for an unknown shard, {@code FAILED_PRECONDITION}
     *     if this node does not own it or it is being copied, {@code ALREADY_EXISTS} if it has data here
     */
    public void restore(long shardId, SnapshotSource source, Runnable beforeInstall) {
        restore(shardId, (id, location) -> engine.ingest(id, source, beforeInstall));
    }

    /**
     * Like {@link #restore(long, SnapshotSource, Runnable)} for the TSM and tombstone files of an
     * InfluxDB 1.x shard: once staged and verified they are converted ({@link TsmShardConverter}, the
     * series of this shard only, every value at {@code version}) before {@code beforeInstall} runs.
     */
    public void restoreTsm(long shardId, SnapshotSource source, long version, Runnable beforeInstall) {
        restore(shardId, (id, location) -> engine.ingest(id, source,
                new TsmShardConverter(location.group(), shardId, version), beforeInstall));
    }

    private interface Install {
        void install(ShardId id, ShardLocation location);
    }

    private void restore(long shardId, Install install) {
        long self = meta.nodeId();
        // The restore created the shard in meta just before: this node's view may not have it yet.
        Pauses.until(() -> meta.view().shards().shard(shardId).filter(l -> l.shard().ownedBy(self)).isPresent(),
                viewWait, clock);
        ShardLocation location = meta.view().shards().shard(shardId).orElseThrow(() ->
                ShardlineException.notFound("shard not found: " + shardId));
        if (self == 0 || !location.shard().ownedBy(self)) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "data node " + selfAddress
                    + " does not own shard " + shardId);
        }
        if (local(shardId).isPresent()) {
            throw new ShardlineException(ErrorCode.ALREADY_EXISTS, "shard " + shardId + " already has data on data node "
                    + selfAddress);
        }
        if (copier.isCopying(shardId) || !gate.tryHold(shardId)) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "shard " + shardId
                    + " is being copied to or removed from data node " + selfAddress);
        }
        try {
            ShardId id = new ShardId(location.database(), location.retentionPolicy(), shardId);
            install.install(id, location);
            LOG.info("Restored shard {} onto this node", id);
        } finally {
            gate.release(shardId);
        }
    }

    /** The state of this node's replica of each shard, in the order asked. */
    public List<ReplicaState> replicas(List<Long> shardIds) {
        long now = clock.wallNanos();
        List<ReplicaState> out = new ArrayList<>();
        for (long id : shardIds) {
            Optional<ShardStatus> status = local(id);
            if (status.isEmpty()) {
                out.add(new ReplicaState(id, ReplicaState.MISSING, 0, 0, "shard " + id + " not found on data node "
                        + selfAddress));
                continue;
            }
            Optional<ShardStore> store = status.get().open() ? engine.get(status.get().id()) : Optional.empty();
            if (store.isEmpty()) {
                out.add(new ReplicaState(id, "", 0, 0, String.valueOf(status.get().error())));
                continue;
            }
            long modified = store.get().lastModified();
            String state = modified > 0 && now - modified < hotWindow.toNanos() ? ReplicaState.HOT : ReplicaState.COLD;
            out.add(new ReplicaState(id, state, modified, store.get().sizeBytes(), ""));
        }
        return out;
    }

    /**
     * This node's open replica of the shard, for a copy's source side.
     *
     * @throws ShardlineException {@code NOT_FOUND} if this node has no (open) replica of it
     */
    public ShardStore replica(long shardId) {
        return local(shardId).filter(ShardStatus::open).flatMap(s -> engine.get(s.id())).orElseThrow(() ->
                ShardlineException.notFound("shard " + shardId + " not found on data node " + selfAddress));
    }

    private Optional<ShardStatus> local(long shardId) {
        return engine.shards().stream().filter(s -> s.id().id() == shardId).findFirst();
    }
}
