package io.shardline.datanode.entropy;

import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.ShardLocation;
import io.shardline.storage.ShardStore;
import io.shardline.storage.digest.DiffResult;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.DigestCodec;
import io.shardline.storage.digest.DigestDiff;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares one local shard with the next owner that answers: asks for its last-modified time, and
 * only if either side changed since a complete comparison fetches its digest at the settle-window
 * cut-off and diffs it with the local digest at the same cut-off (so hot shards are compared without
 * seeing replication in flight). The outcome goes to {@link EntropyState}. Blocking; called by the
 * pass's comparison threads, one shard at a time per call.
 */
final class ShardComparer {

    private static final Logger LOG = LoggerFactory.getLogger(ShardComparer.class);

    /** What one comparison found. */
    enum Result { EQUAL, UNCHANGED, SUSPECTED, CONFIRMED, PEER_LACKS_SHARD, NO_PEER, NO_LOCAL }

    private final EntropyContext context;

    ShardComparer(EntropyContext context) {
        this.context = context;
    }

    Result compare(PassPlan.Check check) {
        ShardLocation location = check.location();
        long id = location.shardId();
        Optional<ShardStore> local = context.shards().local(location);
        if (local.isEmpty()) {
            return Result.NO_LOCAL;
        }
        for (long peer : check.peers()) {
            ReplicaInfo info;
            try {
                info = context.peers().shardInfo(peer, id, false, 0);
            } catch (ShardlineException e) {
                if (e.retriable()) {
                    LOG.debug("Peer did not answer shard={} peer={} error=\"{}\"", id, peer, e.getMessage());
                    continue;
                }
                throw e;
            }
            context.stats().add("checks", 1);
            if (!info.exists()) {
                LOG.debug("Next owner lacks the shard; its anti-entropy copies it shard={} peer={}", id, peer);
                return Result.PEER_LACKS_SHARD;
            }
            return compareWith(location, local.get(), peer, info.lastModified());
        }
        return Result.NO_PEER;
    }

    private Result compareWith(ShardLocation location, ShardStore local, long peer, long peerModified) {
        long id = location.shardId();
        long localModified = local.lastModified();
        long nowMillis = context.clock().wallMillis();
        if (!context.state().needsDigest(id, peer, localModified, peerModified, nowMillis, context.settleMillis())) {
            return Result.UNCHANGED;
        }
        long cutoff = context.cutoffAt(nowMillis);
        CompletableFuture<Digest> mineLater = CompletableFuture.supplyAsync(() -> local.digest(cutoff));
        byte[] bytes = context.peers().digest(peer, id, cutoff);
        context.stats().add("bytesRx", bytes.length);
        context.stats().add("digests", 1);
        Digest remote = DigestCodec.decode(bytes);
        Digest mine = Async.join(mineLater);
        DiffResult diff = DigestDiff.diff(mine, remote);
        DiffNarrowing.Buckets buckets = DiffNarrowing.buckets(diff, mine, remote);
        CheckTracker.Outcome outcome = context.state().observe(id, peer, localModified, peerModified, nowMillis, buckets.keys(),
                diff.tombstonesDiffer(), buckets.estimatedValues() * DiffNarrowing.PATCH_BYTES_PER_VALUE);
        if (outcome != CheckTracker.Outcome.EQUAL) {
            LOG.info("Shard differs from its next owner shard={} db={} rp={} peer={} buckets={} tombstonesDiffer={}"
                            + " confirmed={}", id, location.database(), location.retentionPolicy(), peer,
                    buckets.keys().size(), diff.tombstonesDiffer(), outcome == CheckTracker.Outcome.CONFIRMED);
        }
        return switch (outcome) {
            case EQUAL -> Result.EQUAL;
            case SUSPECTED -> Result.SUSPECTED;
            case CONFIRMED -> Result.CONFIRMED;
        };
    }
}
