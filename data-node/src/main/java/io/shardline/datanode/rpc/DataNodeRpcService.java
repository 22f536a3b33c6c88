package io.shardline.datanode.rpc;

import io.grpc.stub.StreamObserver;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.datanode.write.LocalShards;
import io.shardline.datanode.write.ShardBatch;
import io.shardline.datanode.write.ShardBatchCodec;
import io.shardline.datanode.write.ShardWriteResult;
import io.shardline.model.Hlc;
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import io.shardline.proto.datanode.WriteShardRequest;
import io.shardline.proto.datanode.WriteShardResponse;

/**
 * The {@code DataNodeService} a data node serves on its bind-address. {@code WriteShard} stores
 * each batch in order with the version it carries, and lets this node's clock observe that
 * version so its own later writes are newer. Thread-safe.
 */
public final class DataNodeRpcService extends DataNodeServiceGrpc.DataNodeServiceImplBase {

    private final LocalShards shards;
    private final Hlc hlc;
    private final Statistic stats;

    public DataNodeRpcService(LocalShards shards, Hlc hlc, StatsRegistry stats) {
        this.shards = shards;
        this.hlc = hlc;
        this.stats = stats.statistic("cluster");
    }

    @Override
    public void writeShard(WriteShardRequest request, StreamObserver<WriteShardResponse> response) {
        stats.add("writeShardReq", 1);
        long written = 0;
        long dropped = 0;
        String reason = "";
        try {
            for (var bytes : request.getBatchesList()) {
                ShardBatch batch = ShardBatchCodec.decode(bytes.toByteArray());
                hlc.observe(batch.version());
                ShardWriteResult r = shards.write(batch);
                written += r.written();
                dropped += r.dropped();
                if (reason.isEmpty() && r.dropReason() != null) {
                    reason = r.dropReason();
                }
            }
        } catch (ShardlineException e) {
            stats.add("writeShardFail", 1);
            response.onError(RpcErrors.toStatus(e));
            return;
        } catch (RuntimeException e) {
            stats.add("writeShardFail", 1);
            response.onError(RpcErrors.toStatus(e));
            return;
        }
        stats.add("writeShardPointsReq", written + dropped);
        response.onNext(WriteShardResponse.newBuilder().setWritten(written).setDropped(dropped).setDropReason(reason).build());
        response.onCompleted();
    }
}
