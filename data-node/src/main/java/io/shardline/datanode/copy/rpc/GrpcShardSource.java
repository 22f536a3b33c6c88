package io.shardline.datanode.copy.rpc;

import com.google.protobuf.ByteString;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.datanode.copy.IncomingSnapshot;
import io.shardline.datanode.copy.PeerViews;
import io.shardline.datanode.copy.ShardSource;
import io.shardline.datanode.rpc.PeerChannels;
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import io.shardline.proto.datanode.DescribeDataNodeRequest;
import io.shardline.proto.datanode.DescribeDataNodeResponse;
import io.shardline.proto.datanode.ExportShardPatchRequest;
import io.shardline.proto.datanode.LocalShardState;
import io.shardline.proto.datanode.LocalShardStatusRequest;
import io.shardline.proto.datanode.ReadShardSnapshotRequest;
import io.shardline.transfer.ChunkMarshaller;
import io.shardline.proto.datanode.ShardDigestRequest;
import io.shardline.proto.datanode.ShardPatchChunk;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.DigestCodec;
import io.shardline.storage.patch.Patch;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * {@link ShardSource} and {@link PeerViews} over the DataNodeService of other data nodes, through the
 * node's shared {@link PeerChannels}. Snapshots stream with manual flow control
 * ({@link StreamedSnapshot}); digests and patches are bounded by {@code callTimeout}. Errors the peer
 * sent keep their code; transport failures become {@code UNAVAILABLE}. Thread-safe.
 */
public final class GrpcShardSource implements ShardSource, PeerViews {

    private final PeerChannels channels;
    private final Duration callTimeout;
    private final Duration idleTimeout;

    /**
     * @param callTimeout bound on a digest or a patch (computing a large shard's first digest takes a while)
     * @param idleTimeout longest wait for the next piece of a snapshot, and for its manifest
     */
    public GrpcShardSource(PeerChannels channels, Duration callTimeout, Duration idleTimeout) {
        this.channels = channels;
        this.callTimeout = callTimeout;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public IncomingSnapshot openSnapshot(String source, long shardId, String destination, long rateLimitBytesPerSecond) {
        StreamedSnapshot snapshot = new StreamedSnapshot(source, shardId, idleTimeout);
        ReadShardSnapshotRequest request = ReadShardSnapshotRequest.newBuilder().setShardId(shardId)
                .setDestinationTcpAddress(destination).setRateLimitBytesPerSecond(rateLimitBytesPerSecond).build();
        // Forked: the stream must not end with the call (if any) on whose thread it is opened.
        Context.current().fork().run(() -> ChunkMarshaller.readShardSnapshot(
                DataNodeServiceGrpc.newStub(channels.channel(source)), request, snapshot.observer()));
        return snapshot;
    }

    @Override
    public long lastModified(String source, long shardId) {
        try {
            LocalShardState state = blocking(source).localShardStatus(LocalShardStatusRequest.newBuilder()
                    .addShardIds(shardId).build()).getShards(0);
            if (state.getLastModified() == 0 && !state.getError().isEmpty()) {
                throw ShardlineException.notFound(state.getError());
            }
            return state.getLastModified();
        } catch (StatusRuntimeException e) {
            throw failure(source, "read the state of shard " + shardId, e);
        }
    }

    @Override
    public Digest digest(String source, long shardId) {
        try {
            byte[] bytes = blocking(source).shardDigest(ShardDigestRequest.newBuilder().setShardId(shardId).build())
                    .getDigest().toByteArray();
            return DigestCodec.decode(bytes);
        } catch (StatusRuntimeException e) {
            throw failure(source, "read the digest of shard " + shardId, e);
        }
    }

    @Override
    public Patch exportPatch(String source, long shardId, List<SeriesRange> ranges) {
        ExportShardPatchRequest.Builder request = ExportShardPatchRequest.newBuilder().setShardId(shardId);
        ranges.forEach(r -> request.addRanges(CopyMessages.encode(r)));
        try {
            ByteString.Output bytes = ByteString.newOutput();
            Iterator<ShardPatchChunk> chunks = blocking(source).exportShardPatch(request.build());
            while (chunks.hasNext()) {
                chunks.next().getData().writeTo(bytes);
            }
            return Patch.fromBytes(bytes.toByteString().toByteArray());
        } catch (StatusRuntimeException e) {
            throw failure(source, "read a patch of shard " + shardId, e);
        } catch (java.io.IOException e) {
            throw new ShardlineException(ErrorCode.INTERNAL, "patch of shard " + shardId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<PeerView> view(String address, Duration timeout) {
        try {
            DescribeDataNodeResponse r = DataNodeServiceGrpc.newBlockingStub(channels.channel(address))
                    .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .describeDataNode(DescribeDataNodeRequest.getDefaultInstance());
            return Optional.of(new PeerView(r.getViewVersion(), r.hasOldestWriteViewVersion()
                    ? OptionalLong.of(r.getOldestWriteViewVersion()) : OptionalLong.empty()));
        } catch (StatusRuntimeException e) {
            return Optional.empty();
        }
    }

    private DataNodeServiceGrpc.DataNodeServiceBlockingStub blocking(String source) {
        return DataNodeServiceGrpc.newBlockingStub(channels.channel(source))
                .withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The peer's own error, or a transport failure as {@code UNAVAILABLE} / {@code TIMEOUT}. */
    static ShardlineException failure(String source, String what, Throwable t) {
        if (t instanceof ShardlineException se) {
            return se;
        }
        ShardlineException remote = RpcErrors.fromStatus(t);
        if (remote != null) {
            return remote;
        }
        Status status = Status.fromThrowable(t);
        ErrorCode code = status.getCode() == Status.Code.DEADLINE_EXCEEDED ? ErrorCode.TIMEOUT
                : status.getCode() == Status.Code.CANCELLED ? ErrorCode.CANCELLED : ErrorCode.UNAVAILABLE;
        String detail = status.getDescription() == null ? status.getCode().name() : status.getDescription();
        return new ShardlineException(code, "cannot " + what + " on data node " + source + ": " + detail, t);
    }
}
