package io.shardline.datanode.rpc;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.datanode.query.QueryManager;
import io.shardline.datanode.query.QueryPeers;
import io.shardline.datanode.query.RunningQuery;
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import io.shardline.proto.datanode.KillQueryRequest;
import io.shardline.proto.datanode.KillQueryResponse;
import io.shardline.proto.datanode.ListQueriesRequest;
import io.shardline.proto.datanode.ListQueriesResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ListQueries} and {@code KillQuery} both ways: the server side answers from this node's
 * {@link QueryManager}; {@link #peers} calls another data node, each call bounded by a deadline.
 * Stateless apart from the channels; thread-safe.
 */
public final class QueryManagementRpc {

    private QueryManagementRpc() {
    }

    static void list(QueryManager manager, StreamObserver<ListQueriesResponse> response) {
        if (manager == null) {
            response.onError(unavailable());
            return;
        }
        ListQueriesResponse.Builder out = ListQueriesResponse.newBuilder();
        for (RunningQuery q : manager.list()) {
            out.addQueriesBuilder().setQid(q.qid()).setQuery(q.query()).setDatabase(q.database())
                    .setDurationNanos(q.durationNanos()).setStatus(q.status());
        }
        response.onNext(out.build());
        response.onCompleted();
    }

    static void kill(QueryManager manager, long qid, StreamObserver<KillQueryResponse> response) {
        if (manager == null) {
            response.onError(unavailable());
            return;
        }
        try {
            manager.kill(qid);
            response.onNext(KillQueryResponse.getDefaultInstance());
            response.onCompleted();
        } catch (ShardlineException e) {
            response.onError(RpcErrors.toStatus(e));
        }
    }

    private static StatusRuntimeException unavailable() {
        return RpcErrors.toStatus(new ShardlineException(ErrorCode.UNAVAILABLE, "this data node does not run queries"));
    }

    /** The client side, with {@code deadline} on every call. */
    public static QueryPeers peers(PeerChannels channels, Duration deadline) {
        return new QueryPeers() {
            @Override
            public List<RunningQuery> list(String tcpAddress) {
                try {
                    List<RunningQuery> out = new ArrayList<>();
                    stub(channels, tcpAddress, deadline).listQueries(ListQueriesRequest.getDefaultInstance())
                            .getQueriesList().forEach(q -> out.add(new RunningQuery(q.getQid(), q.getQuery(),
                                    q.getDatabase(), q.getDurationNanos(), q.getStatus())));
                    return out;
                } catch (StatusRuntimeException e) {
                    throw failure(tcpAddress, e);
                }
            }

            @Override
            public void kill(String tcpAddress, long qid) {
                try {
                    stub(channels, tcpAddress, deadline).killQuery(KillQueryRequest.newBuilder().setQid(qid).build());
                } catch (StatusRuntimeException e) {
                    throw failure(tcpAddress, e);
                }
            }
        };
    }

    private static DataNodeServiceGrpc.DataNodeServiceBlockingStub stub(PeerChannels channels, String address,
                                                                         Duration deadline) {
        return DataNodeServiceGrpc.newBlockingStub(channels.channel(address))
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ShardlineException failure(String address, StatusRuntimeException e) {
        ShardlineException sent = RpcErrors.fromStatus(e);
        return sent != null ? sent : new ShardlineException(ErrorCode.UNAVAILABLE, "data node " + address
                + " did not answer: " + e.getStatus().getCode());
    }
}
