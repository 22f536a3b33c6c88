package io.shardline.datanode.entropy;

import java.util.List;

/**
 * The entropy status of one node or of the cluster: shards with entropy (by id), the repair queue
 * (every queued shard, those being processed included) and the shards being processed, as
 * {@code GET /shard-repair/status} and {@code entropy show} present them; for a verbose report each
 * owner's figures of every {@code diff} shard at {@code versionCutoff}; and the data nodes that did
 * not answer a merged report. Immutable.
 */
public record EntropyReport(List<ShardEntropy> shards, List<Long> queued, List<Long> processing,
                            List<OwnerDetail> owners, long versionCutoff, List<String> unreachable) {

    public EntropyReport {
        shards = List.copyOf(shards);
        queued = List.copyOf(queued);
        processing = List.copyOf(processing);
        owners = List.copyOf(owners);
        unreachable = List.copyOf(unreachable);
    }

    /** The same report with owner figures. */
    public EntropyReport withOwners(List<OwnerDetail> details, long cutoff) {
        return new EntropyReport(shards, queued, processing, details, cutoff, unreachable);
    }
}
