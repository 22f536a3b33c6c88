package io.shardline.datanode.entropy.rpc;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.datanode.entropy.ApplyOutcome;
import io.shardline.datanode.entropy.EntropyNode;
import io.shardline.datanode.entropy.RepairHint;
import io.shardline.proto.datanode.EntropyApplyPatchRequest;
import io.shardline.proto.datanode.EntropyApplyPatchResponse;
import io.shardline.proto.datanode.EntropyCancelRepairRequest;
import io.shardline.proto.datanode.EntropyCancelRepairResponse;
import io.shardline.proto.datanode.EntropyDigestRequest;
import io.shardline.proto.datanode.EntropyDigestResponse;
import io.shardline.proto.datanode.EntropyPresenceRequest;
import io.shardline.proto.datanode.EntropyPresenceResponse;
import io.shardline.proto.datanode.EntropyRepairRequest;
import io.shardline.proto.datanode.EntropyRepairResponse;
import io.shardline.proto.datanode.EntropyRowDigestRequest;
import io.shardline.proto.datanode.EntropyRowDigestResponse;
import io.shardline.proto.datanode.EntropyShardInfoRequest;
import io.shardline.proto.datanode.EntropyShardInfoResponse;
import io.shardline.proto.datanode.EntropyStatusRequest;
import io.shardline.proto.datanode.EntropyStatusResponse;
import io.shardline.storage.patch.Patch;
import java.util.function.Supplier;

/**
 * The server side of the {@code Entropy*} RPCs: decodes each request, asks this node's
 * {@link EntropyNode} and encodes the answer; failures go back as Shardline statuses. On a node with
 * anti-entropy disabled every call fails with {@code FAILED_PRECONDITION} and {@link #DISABLED}.
 * Thread-safe; calls run on gRPC's threads.
 */
public final class EntropyRpcServer {

    /** The error of every anti-entropy request to a node where the service is off. */
    public static final String DISABLED =
            "anti-entropy service is disabled on this data node ([anti-entropy] enabled = false)";

    private final Supplier<EntropyNode> node;

    /** @param node the node's anti-entropy logic; a supplier of null while the service is disabled */
    public EntropyRpcServer(Supplier<EntropyNode> node) {
        this.node = node;
    }

    /** The node's anti-entropy, or {@code FAILED_PRECONDITION} if it is disabled. */
    public static EntropyNode require(EntropyNode n) {
        if (n == null) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, DISABLED);
        }
        return n;
    }

    private interface Call<T> {
        T run(EntropyNode n);
    }

    private <T> void answer(StreamObserver<T> response, Call<T> call) {
        T value;
        try {
            value = call.run(require(node.get()));
        } catch (RuntimeException e) {
            response.onError(RpcErrors.toStatus(e));
            return;
        }
        response.onNext(value);
        response.onCompleted();
    }

    public void shardInfo(EntropyShardInfoRequest r, StreamObserver<EntropyShardInfoResponse> response) {
        answer(response, n -> EntropyMessages.toMessage(n.shardInfo(r.getShardId(), r.getWithDigestRoot(),
                r.getVersionCutoff())));
    }

    public void digest(EntropyDigestRequest r, StreamObserver<EntropyDigestResponse> response) {
        answer(response, n -> EntropyDigestResponse.newBuilder()
                .setDigest(ByteString.copyFrom(n.digest(r.getShardId(), r.getVersionCutoff()))).build());
    }

    public void rowDigest(EntropyRowDigestRequest r, StreamObserver<EntropyRowDigestResponse> response) {
        answer(response, n -> EntropyRowDigestResponse.newBuilder().setRowDigest(ByteString.copyFrom(
                n.rowDigest(r.getShardId(), r.getRanges().toByteArray(), r.getVersionCutoff(),
                        r.getResolutionNanos()))).build());
    }

    public void presence(EntropyPresenceRequest r, StreamObserver<EntropyPresenceResponse> response) {
        answer(response, n -> EntropyPresenceResponse.newBuilder().setAnswer(ByteString.copyFrom(
                n.presence(r.getShardId(), r.getRequest().toByteArray(), r.getVersionCutoff(), r.getBucketNanos())))
                .build());
    }

    public void applyPatch(EntropyApplyPatchRequest r, StreamObserver<EntropyApplyPatchResponse> response) {
        answer(response, n -> {
            Patch patch = r.getPatch().isEmpty() ? null : Patch.fromBytes(r.getPatch().toByteArray());
            ApplyOutcome out = n.applyPatch(r.getShardId(), patch, r.getVisitedList(), r.getLast(),
                    RepairHint.of(r.getHint().toByteArray(), r.getHintTombstones()));
            return EntropyApplyPatchResponse.newBuilder().setMerged(out.merged()).setDropped(out.dropped())
                    .setTombstonesAdded(out.tombstonesAdded()).setQueuedNext(out.queuedNext()).build();
        });
    }

    public void repair(EntropyRepairRequest r, StreamObserver<EntropyRepairResponse> response) {
        answer(response, n -> EntropyRepairResponse.newBuilder().setQueuedOn(n.repair(r.getShardId(), r.getForwarded()))
                .build());
    }

    public void cancelRepair(EntropyCancelRepairRequest r, StreamObserver<EntropyCancelRepairResponse> response) {
        answer(response, n -> {
            n.cancelRepair(r.getShardId(), r.getLocal());
            return EntropyCancelRepairResponse.getDefaultInstance();
        });
    }

    public void status(EntropyStatusRequest r, StreamObserver<EntropyStatusResponse> response) {
        answer(response, n -> EntropyMessages.toMessage(n.status(r.getLocal(), r.getVerbose())));
    }
}
