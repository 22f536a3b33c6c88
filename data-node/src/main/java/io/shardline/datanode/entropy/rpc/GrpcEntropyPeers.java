package io.shardline.datanode.entropy.rpc;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.datanode.entropy.ApplyOutcome;
import io.shardline.datanode.entropy.EntropyPeers;
import io.shardline.datanode.entropy.EntropyReport;
import io.shardline.datanode.entropy.RepairHint;
import io.shardline.datanode.entropy.ReplicaInfo;
import io.shardline.datanode.rpc.PeerChannels;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import io.shardline.proto.datanode.EntropyApplyPatchRequest;
import io.shardline.proto.datanode.EntropyApplyPatchResponse;
import io.shardline.proto.datanode.EntropyCancelRepairRequest;
import io.shardline.proto.datanode.EntropyDigestRequest;
import io.shardline.proto.datanode.EntropyPresenceRequest;
import io.shardline.proto.datanode.EntropyRepairRequest;
import io.shardline.proto.datanode.EntropyRowDigestRequest;
import io.shardline.proto.datanode.EntropyShardInfoRequest;
import io.shardline.proto.datanode.EntropyShardInfoResponse;
import io.shardline.proto.datanode.EntropyStatusRequest;
import io.shardline.proto.datanode.EntropyStatusResponse;
import io.shardline.storage.patch.Patch;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link EntropyPeers} over gRPC: resolves a node's TCP address from the cluster view and calls its
 * {@code Entropy*} methods on the shared {@link PeerChannels}, with a short deadline for figures,
 * queue and status calls and a long one for digests and patches. Errors the peer sent keep their
 * code; transport failures become {@code UNAVAILABLE} or {@code TIMEOUT}. Thread-safe.
 */
public final class GrpcEntropyPeers implements EntropyPeers {

    /** Deadline of small calls (figures, queue changes, status). */
    static final Duration SHORT = Duration.ofSeconds(10);
    /** Deadline of digests, row digests and patches. */
    static final Duration LONG = Duration.ofMinutes(5);

    private final PeerChannels channels;
    private final Supplier<ClusterMetadata> view;

    public GrpcEntropyPeers(PeerChannels channels, Supplier<ClusterMetadata> view) {
        this.channels = channels;
        this.view = view;
    }

    @Override
    public ReplicaInfo shardInfo(long node, long shardId, boolean withDigestRoot, long versionCutoff) {
        EntropyShardInfoResponse r = call(node, SHORT, s -> s.entropyShardInfo(EntropyShardInfoRequest.newBuilder()
                .setShardId(shardId).setWithDigestRoot(withDigestRoot).setVersionCutoff(versionCutoff).build()));
        return EntropyMessages.fromMessage(r);
    }

    @Override
    public byte[] digest(long node, long shardId, long versionCutoff) {
        return call(node, LONG, s -> s.entropyDigest(EntropyDigestRequest.newBuilder().setShardId(shardId)
                .setVersionCutoff(versionCutoff).build())).getDigest().toByteArray();
    }

    @Override
    public byte[] rowDigest(long node, long shardId, byte[] ranges, long versionCutoff, long resolutionNanos) {
        EntropyRowDigestRequest request = EntropyRowDigestRequest.newBuilder().setShardId(shardId)
                .setVersionCutoff(versionCutoff).setResolutionNanos(resolutionNanos).setRanges(ByteString.copyFrom(ranges))
                .build();
        return call(node, LONG, s -> s.entropyRowDigest(request)).getRowDigest().toByteArray();
    }

    @Override
    public byte[] presence(long node, long shardId, byte[] request, long versionCutoff, long bucketNanos) {
        EntropyPresenceRequest r = EntropyPresenceRequest.newBuilder().setShardId(shardId)
                .setVersionCutoff(versionCutoff).setBucketNanos(bucketNanos).setRequest(ByteString.copyFrom(request))
                .build();
        return call(node, LONG, s -> s.entropyPresence(r)).getAnswer().toByteArray();
    }

    @Override
    public ApplyOutcome applyPatch(long node, long shardId, Patch patch, List<Long> visited, boolean last,
                                   RepairHint hint) {
        EntropyApplyPatchRequest.Builder b = EntropyApplyPatchRequest.newBuilder().setShardId(shardId)
                .addAllVisited(visited).setLast(last).setHintTombstones(hint.tombstones());
        if (!hint.ranges().isEmpty()) {
            b.setHint(ByteString.copyFrom(hint.rangeBytes()));
        }
        if (patch != null) {
            b.setPatch(ByteString.copyFrom(patch.toBytes()));
        }
        EntropyApplyPatchResponse r = call(node, LONG, s -> s.entropyApplyPatch(b.build()));
        return new ApplyOutcome(r.getMerged(), r.getDropped(), r.getTombstonesAdded(), r.getQueuedNext());
    }

    @Override
    public long repair(long node, long shardId, boolean forwarded) {
        return call(node, SHORT, s -> s.entropyRepair(EntropyRepairRequest.newBuilder().setShardId(shardId)
                .setForwarded(forwarded).build())).getQueuedOn();
    }

    @Override
    public void cancelRepair(long node, long shardId) {
        call(node, SHORT, s -> s.entropyCancelRepair(EntropyCancelRepairRequest.newBuilder().setShardId(shardId)
                .setLocal(true).build()));
    }

    @Override
    public EntropyReport status(long node) {
        EntropyStatusResponse r = call(node, SHORT, s -> s.entropyStatus(EntropyStatusRequest.newBuilder()
                .setLocal(true).build()));
        return EntropyMessages.fromMessage(r);
    }

    private <T> T call(long node, Duration deadline, Function<DataNodeServiceGrpc.DataNodeServiceBlockingStub, T> rpc) {
        NodeInfo info = view.get().dataNode(node).orElseThrow(() -> new ShardlineException(ErrorCode.UNAVAILABLE,
                "data node " + node + " is not in the cluster view"));
        try {
            return rpc.apply(DataNodeServiceGrpc.newBlockingStub(channels.channel(info.tcpAddress()))
                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (StatusRuntimeException e) {
            throw failure(node, info.tcpAddress(), e);
        }
    }

    static ShardlineException failure(long node, String address, StatusRuntimeException e) {
        ShardlineException remote = RpcErrors.fromStatus(e);
        if (remote != null) {
            return remote;
        }
        Status status = e.getStatus();
        ErrorCode code = status.getCode() == Status.Code.DEADLINE_EXCEEDED ? ErrorCode.TIMEOUT : ErrorCode.UNAVAILABLE;
        String detail = status.getDescription() == null ? status.getCode().name() : status.getDescription();
        return new ShardlineException(code, "data node " + node + " at " + address + " unreachable: " + detail, e);
    }
}
