package io.shardline.datanode.rpc;

import io.grpc.stub.StreamObserver;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.error.ErrorCode;
import io.shardline.datanode.query.OwnerQueries;
import io.shardline.datanode.write.LocalShards;
import io.shardline.datanode.write.LocalTombstones;
import io.shardline.datanode.write.TombstoneBatch;
import io.shardline.datanode.write.TombstoneBatchCodec;
import io.shardline.datanode.write.ShardBatch;
import io.shardline.datanode.write.ShardBatchCodec;
import io.shardline.datanode.write.ShardWriteResult;
import io.shardline.model.Hlc;
import io.shardline.datanode.copy.rpc.ShardAdminRpc;
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
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import io.shardline.proto.datanode.SelectShardRequest;
import io.shardline.proto.datanode.SelectShardResponse;
import io.shardline.proto.datanode.ShardSchemaRequest;
import io.shardline.proto.datanode.ShardSchemaResponse;
import io.shardline.proto.datanode.WriteShardRequest;
import io.shardline.proto.datanode.WriteShardResponse;
import java.util.concurrent.Executor;

/**
 * The {@code DataNodeService} a data node serves on its bind-address. {@code WriteShard} stores
 * each batch in order with the version it carries (a tombstone batch is applied as a delete), and
 * lets this node's clock observe that version so its own later writes are newer. {@code SelectShard}
 * and {@code ShardSchema} answer distributed queries about this node's shards ({@link QueryRpcServer}).
 * The copy-shard and shard-admin methods go to {@link ShardAdminRpc}. Thread-safe.
 */
public final class DataNodeRpcService extends DataNodeServiceGrpc.DataNodeServiceImplBase {

    private final LocalShards shards;
    private final Hlc hlc;
    private final Statistic stats;
    private final LocalTombstones tombstones;
    private final QueryRpcServer queries;
    private volatile ShardAdminRpc shardAdmin;

    public DataNodeRpcService(LocalShards shards, Hlc hlc, StatsRegistry stats) {
        this(shards, null, null, null, hlc, stats);
    }

    /**
     * @param tombstones applies deletes received in {@code WriteShard}
     * @param queries this node's own shards, for {@code SelectShard} and {@code ShardSchema}
     * @param queryExecutor runs {@code SelectShard} plans
     */
    public DataNodeRpcService(LocalShards shards, LocalTombstones tombstones, OwnerQueries queries,
                              Executor queryExecutor, Hlc hlc, StatsRegistry stats) {
        this.shards = shards;
        this.hlc = hlc;
        this.stats = stats.statistic("cluster").counters("writeShardReq", "writeShardPointsReq", "writeShardFail",
                "deleteShardReq");
        this.tombstones = tombstones;
        this.queries = queries == null ? null : new QueryRpcServer(queries, queryExecutor, stats);
    }

    @Override
    public void writeShard(WriteShardRequest request, StreamObserver<WriteShardResponse> response) {
        stats.add("writeShardReq", 1);
        long written = 0;
        long dropped = 0;
        String reason = "";
        try {
            for (var bytes : request.getBatchesList()) {
                byte[] encoded = bytes.toByteArray();
                if (TombstoneBatchCodec.isTombstoneBatch(encoded)) {
                    delete(TombstoneBatchCodec.decode(encoded));
                    continue;
                }
                ShardBatch batch = ShardBatchCodec.decode(encoded);
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

    private void delete(TombstoneBatch batch) {
        if (tombstones == null) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "this data node does not take deletes");
        }
        hlc.observe(batch.version());
        tombstones.delete(batch);
        stats.add("deleteShardReq", 1);
    }

    @Override
    public void selectShard(SelectShardRequest request, StreamObserver<SelectShardResponse> response) {
        if (queries == null) {
            response.onError(RpcErrors.toStatus(new ShardlineException(ErrorCode.FAILED_PRECONDITION,
                    "this data node does not serve queries")));
            return;
        }
        queries.selectShard(request, response);
    }

    @Override
    public void shardSchema(ShardSchemaRequest request, StreamObserver<ShardSchemaResponse> response) {
        if (queries == null) {
            response.onError(RpcErrors.toStatus(new ShardlineException(ErrorCode.FAILED_PRECONDITION,
                    "this data node does not serve queries")));
            return;
        }
        queries.shardSchema(request, response);
    }

    // ---- copy-shard / shard admin (handled by io.shardline.datanode.copy) -----------------------

    /** Hands the copy-shard / shard-admin methods to {@code admin}; without it they fail as unsupported. */
    public DataNodeRpcService withShardAdmin(ShardAdminRpc admin) {
        this.shardAdmin = admin;
        return this;
    }

    @Override
    public void copyShard(CopyShardRequest request, StreamObserver<CopyShardResponse> response) {
        if (shardAdminPresent(response)) {
            shardAdmin.copyShard(request, response);
        }
    }

    @Override
    public void awaitCopyShard(AwaitCopyShardRequest request, StreamObserver<AwaitCopyShardResponse> response) {
        if (shardAdminPresent(response)) {
            shardAdmin.awaitCopyShard(request, response);
        }
    }

    @Override
    public void copyShardStatus(CopyShardStatusRequest request, StreamObserver<CopyShardStatusResponse> response) {
        if (shardAdminPresent(response)) {
            shardAdmin.copyShardStatus(request, response);
        }
    }

    @Override
    public void killCopyShard(KillCopyShardRequest request, StreamObserver<KillCopyShardResponse> response) {
        if (shardAdminPresent(response)) {
            shardAdmin.killCopyShard(request, response);
        }
    }

    @Override
    public void readShardSnapshot(ReadShardSnapshotRequest request, StreamObserver<ShardSnapshotChunk> response) {
        if (shardAdminPresent(response)) {
            shardAdmin.readShardSnapshot(request, response);
        }
    }

    @Override
    public StreamObserver<ShardSnapshotChunk> restoreShard(StreamObserver<RestoreShardResponse> response) {
        if (!shardAdminPresent(response)) {
            return new StreamObserver<>() {
                @Override
                public void onNext(ShardSnapshotChunk value) {
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                }
            };
        }
        return shardAdmin.restoreShard(response);
    }

    @Override
    public void shardDigest(ShardDigestRequest request, StreamObserver<ShardDigestResponse> response) {
        if (shardAdminPresent(response)) {
            shardAdmin.shardDigest(request, response);
        }
    }

    @Override
    public void exportShardPatch(ExportShardPatchRequest request, StreamObserver<ShardPatchChunk> response) {
        if (shardAdminPresent(response)) {
            shardAdmin.exportShardPatch(request, response);
        }
    }

    @Override
    public void removeShard(RemoveShardRequest request, StreamObserver<RemoveShardResponse> response) {
        if (shardAdminPresent(response)) {
            shardAdmin.removeShard(request, response);
        }
    }

    @Override
    public void localShardStatus(LocalShardStatusRequest request, StreamObserver<LocalShardStatusResponse> response) {
        if (shardAdminPresent(response)) {
            shardAdmin.localShardStatus(request, response);
        }
    }

    @Override
    public void describeDataNode(DescribeDataNodeRequest request, StreamObserver<DescribeDataNodeResponse> response) {
        if (shardAdminPresent(response)) {
            shardAdmin.describeDataNode(request, response);
        }
    }

    @Override
    public void joinCluster(JoinClusterRequest request, StreamObserver<JoinClusterResponse> response) {
        if (shardAdminPresent(response)) {
            shardAdmin.joinCluster(request, response);
        }
    }

    private boolean shardAdminPresent(StreamObserver<?> response) {
        if (shardAdmin == null) {
            response.onError(RpcErrors.toStatus(new ShardlineException(ErrorCode.FAILED_PRECONDITION,
                    "this data node does not move shards")));
            return false;
        }
        return true;
    }
    // ---- end of copy-shard / shard admin ----------------------------------------------------------

    // ---- anti-entropy (handled by io.shardline.datanode.entropy) ----------------------------------

    private volatile io.shardline.datanode.entropy.rpc.EntropyRpcServer entropy;

    /** Hands the {@code Entropy*} methods to {@code server}; without it they answer "anti-entropy service is disabled". */
    public DataNodeRpcService withEntropy(io.shardline.datanode.entropy.rpc.EntropyRpcServer server) {
        this.entropy = server;
        return this;
    }

    private io.shardline.datanode.entropy.rpc.EntropyRpcServer entropy() {
        io.shardline.datanode.entropy.rpc.EntropyRpcServer e = entropy;
        return e != null ? e : new io.shardline.datanode.entropy.rpc.EntropyRpcServer(() -> null);
    }

    @Override
    public void entropyShardInfo(io.shardline.proto.datanode.EntropyShardInfoRequest request,
                                 StreamObserver<io.shardline.proto.datanode.EntropyShardInfoResponse> response) {
        entropy().shardInfo(request, response);
    }

    @Override
    public void entropyDigest(io.shardline.proto.datanode.EntropyDigestRequest request,
                              StreamObserver<io.shardline.proto.datanode.EntropyDigestResponse> response) {
        entropy().digest(request, response);
    }

    @Override
    public void entropyRowDigest(io.shardline.proto.datanode.EntropyRowDigestRequest request,
                                 StreamObserver<io.shardline.proto.datanode.EntropyRowDigestResponse> response) {
        entropy().rowDigest(request, response);
    }

    @Override
    public void entropyPresence(io.shardline.proto.datanode.EntropyPresenceRequest request,
                                StreamObserver<io.shardline.proto.datanode.EntropyPresenceResponse> response) {
        entropy().presence(request, response);
    }

    @Override
    public void entropyApplyPatch(io.shardline.proto.datanode.EntropyApplyPatchRequest request,
                                  StreamObserver<io.shardline.proto.datanode.EntropyApplyPatchResponse> response) {
        entropy().applyPatch(request, response);
    }

    @Override
    public void entropyRepair(io.shardline.proto.datanode.EntropyRepairRequest request,
                              StreamObserver<io.shardline.proto.datanode.EntropyRepairResponse> response) {
        entropy().repair(request, response);
    }

    @Override
    public void entropyCancelRepair(io.shardline.proto.datanode.EntropyCancelRepairRequest request,
                                    StreamObserver<io.shardline.proto.datanode.EntropyCancelRepairResponse> response) {
        entropy().cancelRepair(request, response);
    }

    @Override
    public void entropyStatus(io.shardline.proto.datanode.EntropyStatusRequest request,
                              StreamObserver<io.shardline.proto.datanode.EntropyStatusResponse> response) {
        entropy().status(request, response);
    }
    // ---- end of anti-entropy ----------------------------------------------------------------------

    // ---- query management (SHOW QUERIES / KILL QUERY; io.shardline.datanode.query.QueryManager) ----

    private volatile io.shardline.datanode.query.QueryManager queryManager;

    /** Answers {@code ListQueries} and {@code KillQuery} from {@code manager}. */
    public DataNodeRpcService withQueryManager(io.shardline.datanode.query.QueryManager manager) {
        this.queryManager = manager;
        if (queries != null) {
            queries.memory(manager.memory());
        }
        return this;
    }

    @Override
    public void listQueries(io.shardline.proto.datanode.ListQueriesRequest request,
                            StreamObserver<io.shardline.proto.datanode.ListQueriesResponse> response) {
        QueryManagementRpc.list(queryManager, response);
    }

    @Override
    public void killQuery(io.shardline.proto.datanode.KillQueryRequest request,
                          StreamObserver<io.shardline.proto.datanode.KillQueryResponse> response) {
        QueryManagementRpc.kill(queryManager, request.getQid(), response);
    }
    // ---- end of query management ------------------------------------------------------------------
}
