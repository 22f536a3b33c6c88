package io.shardline.datanode.copy.rpc;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.datanode.copy.CopyOutcome;
import io.shardline.datanode.copy.CopyRequest;
import io.shardline.datanode.copy.OutgoingCopies;
import io.shardline.datanode.copy.ShardAdmin;
import io.shardline.datanode.copy.ShardCopier;
import io.shardline.datanode.meta.DataNodeMembership;
import io.shardline.datanode.write.WritesInFlight;
import io.shardline.proto.datanode.AwaitCopyShardRequest;
import io.shardline.proto.datanode.AwaitCopyShardResponse;
import io.shardline.proto.datanode.CopyShardRequest;
import io.shardline.proto.datanode.CopyShardResponse;
import io.shardline.proto.datanode.CopyShardStatusRequest;
import io.shardline.proto.datanode.CopyShardStatusResponse;
import io.shardline.proto.datanode.DescribeDataNodeRequest;
import io.shardline.proto.datanode.DescribeDataNodeResponse;
import io.shardline.proto.datanode.ExportShardPatchRequest;
import io.shardline.proto.datanode.JoinClusterRequest;
import io.shardline.proto.datanode.JoinClusterResponse;
import io.shardline.proto.datanode.KillCopyShardRequest;
import io.shardline.proto.datanode.KillCopyShardResponse;
import io.shardline.proto.datanode.LocalShardStatusRequest;
import io.shardline.proto.datanode.LocalShardStatusResponse;
import io.shardline.proto.datanode.ReadShardSnapshotRequest;
import io.shardline.proto.datanode.RemoveShardRequest;
import io.shardline.proto.datanode.RemoveShardResponse;
import io.shardline.proto.datanode.ShardDigestRequest;
import io.shardline.proto.datanode.ShardDigestResponse;
import io.shardline.proto.datanode.ShardPatchChunk;
import io.shardline.proto.datanode.RestoreShardResponse;
import io.shardline.proto.datanode.ShardSnapshotChunk;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.DigestCodec;
import io.shardline.meta.client.MetaClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The copy-shard / shard-admin methods of {@code DataNodeService} on this node (the node's
 * {@code DataNodeRpcService} hands them here): start, await, list and kill copies onto this node,
 * serve snapshots, digests and patches as a copy's source, remove a replica, report replica states,
 * and describe or join this node for add-data and update-data. Every copy-shard and remove-shard request
 * served is counted in Enterprise's {@code cluster} statistic ({@code copyShardReq}, {@code removeShardReq}). Handlers may block their gRPC thread
 * (a copy's start waits for the source's manifest, remove-shard for meta); snapshot streams run on
 * sender threads. Thread-safe.
 */
public final class ShardAdminRpc {

    private static final Duration MAX_AWAIT = Duration.ofSeconds(30);
    private static final Duration KILL_WAIT = Duration.ofSeconds(60);

    private final ShardCopier copier;
    private final ShardAdmin admin;
    private final OutgoingCopies outgoing;
    private final SnapshotSender sender;
    private final RestoreReceiver restores;
    private final DataNodeMembership membership;
    private final WritesInFlight writes;
    private final String tcpAddress;
    private final String httpAddress;
    private final Statistic stats;

    /**
     * @param writes the writes this node coordinates that are still in flight (told to copies onto other nodes)
     * @param stats where Enterprise's {@code cluster} counters {@code copyShardReq} and {@code removeShardReq} go
     */
    public ShardAdminRpc(ShardCopier copier, ShardAdmin admin, OutgoingCopies outgoing, DataNodeMembership membership,
                         WritesInFlight writes, String tcpAddress, String httpAddress, Clock clock, Executor senders,
                         StatsRegistry stats) {
        this.copier = copier;
        this.admin = admin;
        this.outgoing = outgoing;
        this.membership = membership;
        this.writes = writes;
        this.tcpAddress = tcpAddress;
        this.httpAddress = httpAddress;
        this.sender = new SnapshotSender(admin, outgoing, tcpAddress, clock, senders);
        this.restores = new RestoreReceiver(admin, tcpAddress, senders);
        this.stats = stats.statistic("cluster").counters("copyShardReq", "removeShardReq");
    }

    public void copyShard(CopyShardRequest r, StreamObserver<CopyShardResponse> out) {
        stats.add("copyShardReq", 1);
        answer(out, () -> CopyShardResponse.newBuilder().setCopy(CopyMessages.encode(copier.start(new CopyRequest(
                r.getSourceTcpAddress(), r.getShardId(), r.getDatabase(), r.getRetentionPolicy(),
                r.getRateLimitBytesPerSecond())))).build());
    }

    public void awaitCopyShard(AwaitCopyShardRequest r, StreamObserver<AwaitCopyShardResponse> out) {
        answer(out, () -> {
            Duration wait = Duration.ofMillis(Math.max(0, Math.min(r.getWaitMillis(), MAX_AWAIT.toMillis())));
            Optional<CopyOutcome> outcome = copier.await(r.getSourceTcpAddress(), r.getShardId(), wait);
            AwaitCopyShardResponse.Builder b = AwaitCopyShardResponse.newBuilder().setFinished(outcome.isPresent());
            outcome.ifPresent(o -> {
                b.setCopy(CopyMessages.encode(o.progress()));
                o.failure().ifPresent(e -> b.setErrorCode(e.code().code()).setErrorMessage(e.getMessage()));
            });
            return b.build();
        });
    }

    public void copyShardStatus(CopyShardStatusRequest r, StreamObserver<CopyShardStatusResponse> out) {
        answer(out, () -> {
            CopyShardStatusResponse.Builder b = CopyShardStatusResponse.newBuilder();
            copier.copies().forEach(p -> b.addCopies(CopyMessages.encode(p)));
            outgoing.copies().forEach(p -> b.addCopies(CopyMessages.encode(p)));
            return b.build();
        });
    }

    public void killCopyShard(KillCopyShardRequest r, StreamObserver<KillCopyShardResponse> out) {
        answer(out, () -> {
            copier.kill(r.getSourceTcpAddress(), r.getShardId(), KILL_WAIT);
            return KillCopyShardResponse.getDefaultInstance();
        });
    }

    public void readShardSnapshot(ReadShardSnapshotRequest r, StreamObserver<ShardSnapshotChunk> out) {
        sender.send(r, out);
    }

    public StreamObserver<ShardSnapshotChunk> restoreShard(StreamObserver<RestoreShardResponse> out) {
        return restores.receive(out);
    }

    public void shardDigest(ShardDigestRequest r, StreamObserver<ShardDigestResponse> out) {
        answer(out, () -> ShardDigestResponse.newBuilder().setDigest(ByteString.copyFrom(DigestCodec.encode(
                admin.replica(r.getShardId()).digest(Digest.NO_CUTOFF)))).build());
    }

    public void exportShardPatch(ExportShardPatchRequest r, StreamObserver<ShardPatchChunk> out) {
        byte[] patch;
        try {
            patch = admin.replica(r.getShardId()).exportPatch(r.getRangesList().stream().map(CopyMessages::decode)
                    .toList()).toBytes();
        } catch (RuntimeException e) {
            out.onError(RpcErrors.toStatus(e));
            return;
        }
        for (int at = 0; at < patch.length; at += SnapshotSender.CHUNK) {
            int n = Math.min(SnapshotSender.CHUNK, patch.length - at);
            out.onNext(ShardPatchChunk.newBuilder().setData(ByteString.copyFrom(patch, at, n)).build());
        }
        out.onCompleted();
    }

    public void removeShard(RemoveShardRequest r, StreamObserver<RemoveShardResponse> out) {
        stats.add("removeShardReq", 1);
        answer(out, () -> RemoveShardResponse.newBuilder().setDeleted(admin.removeShard(r.getShardId())).build());
    }

    public void localShardStatus(LocalShardStatusRequest r, StreamObserver<LocalShardStatusResponse> out) {
        answer(out, () -> {
            LocalShardStatusResponse.Builder b = LocalShardStatusResponse.newBuilder();
            admin.replicas(r.getShardIdsList()).forEach(s -> b.addShards(CopyMessages.encode(s)));
            return b.build();
        });
    }

    public void describeDataNode(DescribeDataNodeRequest r, StreamObserver<DescribeDataNodeResponse> out) {
        answer(out, () -> {
            MetaClient client = membership.metaClient();
            return DescribeDataNodeResponse.newBuilder().setTcpAddress(tcpAddress).setHttpAddress(httpAddress)
                    .setNodeId(membership.nodeId()).addAllMetaServers(client == null ? List.of() : client.servers())
                    .setViewVersion(membership.view().version())
                    .setOldestWriteViewVersion(writes.oldestViewVersion()).build();
        });
    }

    public void joinCluster(JoinClusterRequest r, StreamObserver<JoinClusterResponse> out) {
        answer(out, () -> {
            if (r.getMetaServersCount() == 0) {
                throw ShardlineException.invalid("no meta servers given");
            }
            membership.joinCluster(List.copyOf(r.getMetaServersList()));
            return JoinClusterResponse.newBuilder().setTcpAddress(tcpAddress).setHttpAddress(httpAddress).build();
        });
    }

    private static <T> void answer(StreamObserver<T> out, Supplier<T> work) {
        T value;
        try {
            value = work.get();
        } catch (ShardlineException e) {
            out.onError(RpcErrors.toStatus(e));
            return;
        } catch (RuntimeException e) {
            out.onError(RpcErrors.toStatus(ShardlineException.wrap(e, ErrorCode.INTERNAL, "shard admin")));
            return;
        }
        out.onNext(value);
        out.onCompleted();
    }
}
