package io.shardline.datanode.entropy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.ShardLocation;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStatus;
import io.shardline.storage.ShardStore;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Anti-entropy's access to this node: its id, its cluster view and its shards, found by shard id
 * through the view. Thread-safe.
 */
final class EntropyShards {

    private final ShardEngine engine;
    private final Supplier<ClusterView> view;
    private final LongSupplier self;

    EntropyShards(ShardEngine engine, Supplier<ClusterView> view, LongSupplier self) {
        this.engine = engine;
        this.view = view;
        this.self = self;
    }

    long self() {
        return self.getAsLong();
    }

    ClusterView view() {
        return view.get();
    }

    ShardEngine engine() {
        return engine;
    }

    /** Where the shard lives; NOT_FOUND ({@code shard not found: 17}) if the view does not know it. */
    ShardLocation locate(long shardId) {
        return view.get().shards().shard(shardId)
                .orElseThrow(() -> ShardlineException.notFound("shard not found: " + shardId));
    }

    /** The local copy of the shard, if this node has one open. */
    Optional<ShardStore> local(ShardLocation location) {
        return engine.get(new ShardId(location.database(), location.retentionPolicy(), location.shardId()));
    }

    /** The local copy of an owned shard; FAILED_PRECONDITION if not an owner, NOT_FOUND if absent. */
    ShardStore owned(long shardId) {
        ShardLocation location = locate(shardId);
        if (!location.shard().ownedBy(self())) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION,
                    "data node " + self() + " does not own shard " + shardId);
        }
        return local(location).orElseThrow(() -> ShardlineException.notFound(
                "shard " + shardId + " is missing on data node " + self()));
    }

    /** Creates an empty local copy of an owned shard (a restore by repair chain fills it). */
    ShardStore create(ShardLocation location) {
        return engine.open(new ShardId(location.database(), location.retentionPolicy(), location.shardId()));
    }

    /** Ids of the shards open here ({@code open}) or that failed to open. */
    Set<Long> ids(boolean open) {
        Set<Long> out = new HashSet<>();
        for (ShardStatus s : engine.shards()) {
            if (s.open() == open) {
                out.add(s.id().id());
            }
        }
        return out;
    }

    /** The TCP address of a data node, or "" if the view does not know it. */
    String address(long node) {
        return view.get().metadata().dataNode(node).map(n -> n.tcpAddress()).orElse("");
    }
}
