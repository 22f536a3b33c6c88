package io.shardline.datanode.rpc;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.datanode.write.ShardTransport;
import io.shardline.datanode.write.ShardWriteResult;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import io.shardline.proto.datanode.WriteShardRequest;
import io.shardline.proto.datanode.WriteShardResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@link ShardTransport} over gRPC: resolves the destination's TCP address from the cluster view
 * and calls its {@code DataNodeService.WriteShard} with a deadline. Errors the peer sent keep their
 * code; transport failures become {@link ErrorCode#UNAVAILABLE} (so the write falls back to hinted
 * handoff). Thread-safe.
 */
public final class GrpcShardTransport implements ShardTransport {

    private final PeerChannels channels;
    private final Supplier<ClusterMetadata> view;

    public GrpcShardTransport(PeerChannels channels, Supplier<ClusterMetadata> view) {
        this.channels = channels;
        this.view = view;
    }

    @Override
    public CompletableFuture<ShardWriteResult> writeShard(long nodeId, List<byte[]> encodedBatches, long timeoutMillis) {
        CompletableFuture<ShardWriteResult> result = new CompletableFuture<>();
        NodeInfo node = view.get().dataNode(nodeId).orElse(null);
        if (node == null) {
            result.completeExceptionally(new ShardlineException(ErrorCode.UNAVAILABLE,
                    "data node " + nodeId + " is not in the cluster view"));
            return result;
        }
        WriteShardRequest.Builder request = WriteShardRequest.newBuilder();
        encodedBatches.forEach(b -> request.addBatches(ByteString.copyFrom(b)));
        DataNodeServiceGrpc.newStub(channels.channel(node.tcpAddress()))
                .withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS)
                .writeShard(request.build(), new StreamObserver<>() {
                    @Override
                    public void onNext(WriteShardResponse r) {
                        result.complete(new ShardWriteResult((int) r.getWritten(), (int) r.getDropped(),
                                r.getDropReason().isEmpty() ? null : r.getDropReason()));
                    }

                    @Override
                    public void onError(Throwable t) {
                        result.completeExceptionally(failure(nodeId, node.tcpAddress(), t));
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        return result;
    }

    static ShardlineException failure(long nodeId, String address, Throwable t) {
        ShardlineException remote = RpcErrors.fromStatus(t);
        if (remote != null) {
            return remote;
        }
        io.grpc.Status status = io.grpc.Status.fromThrowable(t);
        ErrorCode code = status.getCode() == io.grpc.Status.Code.DEADLINE_EXCEEDED ? ErrorCode.TIMEOUT : ErrorCode.UNAVAILABLE;
        String detail = status.getDescription() == null ? status.getCode().name() : status.getDescription();
        return new ShardlineException(code, "data node " + nodeId + " at " + address + " unreachable: " + detail, t);
    }
}
