package io.shardline.datanode.copy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.storage.ShardConverter;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStatus;
import io.shardline.storage.ShardStore;
import io.shardline.storage.SnapshotSource;
import java.util.List;
import java.util.Optional;

/**
 * The write path's view of the shard engine (see {@link ShardWriteGate}): {@link #open} of a held shard
 * fails with {@code UNAVAILABLE}; everything else goes to the engine. Its lifecycle is the engine's
 * own, so {@link #start} and {@link #close} do nothing. Thread-safe.
 */
final class GatedShardEngine implements ShardEngine {

    private final ShardEngine engine;
    private final ShardWriteGate gate;

    GatedShardEngine(ShardEngine engine, ShardWriteGate gate) {
        this.engine = engine;
        this.gate = gate;
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public void start() {
    }

    @Override
    public ShardStore open(ShardId id) {
        if (gate.isHeld(id.id())) {
            throw new ShardlineException(ErrorCode.UNAVAILABLE, "shard " + id.id()
                    + " is being copied to or removed from this data node; retry later");
        }
        return engine.open(id);
    }

    @Override
    public Optional<ShardStore> get(ShardId id) {
        return engine.get(id);
    }

    @Override
    public List<ShardStatus> shards() {
        return engine.shards();
    }

    @Override
    public void closeShard(ShardId id) {
        engine.closeShard(id);
    }

    @Override
    public void drop(ShardId id) {
        engine.drop(id);
    }

    @Override
    public ShardStore ingest(ShardId id, SnapshotSource source, Runnable beforeInstall) {
        return engine.ingest(id, source, beforeInstall);
    }

    @Override
    public ShardStore ingest(ShardId id, SnapshotSource source, ShardConverter converter, Runnable beforeInstall) {
        return engine.ingest(id, source, converter, beforeInstall);
    }

    @Override
    public void close() {
    }
}
