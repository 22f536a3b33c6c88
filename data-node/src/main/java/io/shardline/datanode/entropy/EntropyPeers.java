package io.shardline.datanode.entropy;

import io.shardline.storage.patch.Patch;
import java.util.List;

/**
 * The anti-entropy calls one data node makes to another, by node id: the consumer's view of the
 * {@code Entropy*} RPCs. Digests, presence sets and range lists travel in their codec bytes so the
 * caller counts what crosses the wire. Failures
 * are {@code ShardlineException}s with the peer's own code ({@code NOT_FOUND} when it lacks the
 * shard) or {@code UNAVAILABLE} / {@code TIMEOUT} when it does not answer. Implementations: gRPC
 * ({@code GrpcEntropyPeers}) and the simulations' direct calls. Thread-safe.
 */
public interface EntropyPeers {

    /** The peer's figures of the shard; {@link ReplicaInfo#ABSENT} when it lacks it. */
    ReplicaInfo shardInfo(long node, long shardId, boolean withDigestRoot, long versionCutoff);

    /** The peer's digest of the shard at the cut-off (DigestCodec bytes). */
    byte[] digest(long node, long shardId, long versionCutoff);

    /** The peer's row digest (RowDigestCodec bytes) of some ranges ({@code ranges}: RangeListCodec bytes). */
    byte[] rowDigest(long node, long shardId, byte[] ranges, long versionCutoff, long resolutionNanos);

    /**
     * The peer's answer to a presence request ({@code request}: PresenceCodec request bytes; the answer
     * PresenceCodec answer bytes), its common-row sums per epoch-aligned bucket of {@code bucketNanos}.
     */
    byte[] presence(long node, long shardId, byte[] request, long versionCutoff, long bucketNanos);

    /**
     * Pushes a patch ({@code null}: nothing) with the repair's path; {@code last} ends this node's
     * step, and may carry a {@code hint} for the peer's push back (what it holds that this node lacks).
     */
    ApplyOutcome applyPatch(long node, long shardId, Patch patch, List<Long> visited, boolean last, RepairHint hint);

    /** Asks the peer to queue a repair of the shard ({@code forwarded}: on itself); returns the node that queued it. */
    long repair(long node, long shardId, boolean forwarded);

    /** Removes the shard from the peer's own repair queue. */
    void cancelRepair(long node, long shardId);

    /** The peer's own entropy report. */
    EntropyReport status(long node);
}
