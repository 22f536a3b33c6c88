package io.shardline.datanode.entropy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.datanode.copy.CopyOutcome;
import io.shardline.datanode.copy.CopyRequest;
import io.shardline.datanode.copy.ShardCopier;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ShardLocation;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Restores a missing shard with the copy-shard engine ({@link ShardCopier}): the same pull of a
 * consistent snapshot, verified file by file, then a catch-up by digest, that
 * {@code shardline-ctl copy-shard} runs. This node already owns the shard, so no owner is added.
 * Blocks the calling worker until the copy ends. Thread-safe.
 */
public final class CopyShardRestorer implements MissingShardCopier {

    private final ShardCopier copier;
    private final Supplier<ClusterMetadata> metadata;

    public CopyShardRestorer(ShardCopier copier, Supplier<ClusterMetadata> metadata) {
        this.copier = copier;
        this.metadata = metadata;
    }

    @Override
    public long copy(ShardLocation location, long sourceNode) {
        String source = metadata.get().dataNode(sourceNode).map(n -> n.tcpAddress()).orElseThrow(() ->
                new ShardlineException(ErrorCode.UNAVAILABLE, "data node " + sourceNode + " is not in the cluster view"));
        CopyOutcome outcome;
        try {
            outcome = copier.copy(new CopyRequest(source, location.shardId(), location.database(),
                    location.retentionPolicy(), 0)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShardlineException(ErrorCode.CANCELLED, "copy of shard " + location.shardId() + " interrupted");
        } catch (ExecutionException e) {
            throw ShardlineException.wrap(e.getCause(), ErrorCode.INTERNAL, "copy of shard " + location.shardId());
        }
        if (!outcome.succeeded()) {
            throw outcome.error();
        }
        return outcome.progress().copiedBytes();
    }
}
