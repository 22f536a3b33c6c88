package io.shardline.datanode.rpc;

import com.google.protobuf.ByteString;
import io.grpc.ConnectivityState;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.datanode.query.OwnerQueries;
import io.shardline.datanode.query.PeerQueries;
import io.shardline.datanode.query.QueryInterrupts;
import io.shardline.datanode.query.ScannedPoints;
import io.shardline.datanode.query.SchemaAnswer;
import io.shardline.datanode.query.SchemaQuestion;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import io.shardline.proto.datanode.SelectShardRequest;
import io.shardline.proto.datanode.SelectShardResponse;
import io.shardline.query.exec.ShardResultCodec;
import io.shardline.query.exec.ShardResultSink;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.plan.SelectPlanCodec;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@link PeerQueries} over gRPC: resolves a peer's TCP address from the cluster view, waits at most
 * {@code [cluster] dial-timeout} for its connection to be ready (a peer that is down, paused or cut off fails
 * fast, so the coordinator moves on to another replica), then calls {@code SelectShard} (a server stream read
 * batch by batch with flow control) or {@code ShardSchema}, bounded by {@code shard-reader-timeout} when it is not
 * zero. Calls run in the query's context, so a killed or timed-out query cancels them and the owner's scan
 * ({@link QueryInterrupts}). Errors the peer sent keep their code; transport failures are {@code UNAVAILABLE} or
 * {@code TIMEOUT}.
 * Thread-safe.
 */
public final class GrpcPeerQueries implements PeerQueries {

    /** While waiting to connect, how often to look whether the query was stopped. */
    private static final long STOP_CHECK_NANOS = 50_000_000L;

    private final PeerChannels channels;
    private final Supplier<ClusterMetadata> view;
    private final Duration dialTimeout;
    private final Duration readerTimeout;
    private final Clock clock;

    public GrpcPeerQueries(PeerChannels channels, Supplier<ClusterMetadata> view, Duration dialTimeout,
            Duration readerTimeout, Clock clock) {
        this.clock = clock;
        this.channels = channels;
        this.view = view;
        this.dialTimeout = dialTimeout;
        this.readerTimeout = readerTimeout;
    }

    @Override
    public OwnerQueries node(long nodeId) {
        return new OwnerQueries() {
            @Override
            public void select(long shardId, SelectPlan plan, ShardResultSink sink) {
                GrpcPeerQueries.this.select(nodeId, shardId, plan, sink);
            }

            @Override
            public SchemaAnswer schema(SchemaQuestion question) {
                return GrpcPeerQueries.this.schema(nodeId, question);
            }
        };
    }

    private void select(long nodeId, long shardId, SelectPlan plan, ShardResultSink sink) {
        NodeInfo node = resolve(nodeId);
        SelectShardRequest request = SelectShardRequest.newBuilder().setShardId(shardId)
                .setPlan(ByteString.copyFrom(SelectPlanCodec.encode(plan))).build();
        DataNodeServiceGrpc.DataNodeServiceBlockingStub stub = stub(node);
        // The call lives in a context of its own: leaving early (a malformed batch, a failing sink) cancels it.
        Context.CancellableContext call = Context.current().withCancellation();
        try {
            call.run(() -> {
                Iterator<SelectShardResponse> batches = stub.selectShard(request);
                while (batches.hasNext()) {
                    SelectShardResponse message = batches.next();
                    ScannedPoints.addCurrent(message.getPointsRead()); // the owner's reads count for this query
                    byte[] batch = message.getBatch().toByteArray();
                    if (batch.length == 0) {
                        continue; // only the count
                    }
                    if (batch.length > 1 && batch[1] == 1) {
                        sink.rows(ShardResultCodec.decodeRows(batch));
                    } else {
                        sink.partials(ShardResultCodec.decodePartials(batch));
                    }
                }
            });
        } catch (StatusRuntimeException e) {
            QueryInterrupts.check(); // the query was stopped: that, not the owner, ended the call
            throw GrpcShardTransport.failure(nodeId, node.tcpAddress(), e);
        } catch (IllegalArgumentException e) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "data node " + nodeId + " sent a malformed result for shard "
                    + shardId + ": " + e.getMessage());
        } finally {
            call.cancel(null);
        }
    }

    private SchemaAnswer schema(long nodeId, SchemaQuestion question) {
        NodeInfo node = resolve(nodeId);
        try {
            return SchemaMessages.answer(stub(node).shardSchema(SchemaMessages.request(question)));
        } catch (StatusRuntimeException e) {
            QueryInterrupts.check();
            throw GrpcShardTransport.failure(nodeId, node.tcpAddress(), e);
        }
    }

    private NodeInfo resolve(long nodeId) {
        return view.get().dataNode(nodeId).orElseThrow(() -> new ShardlineException(ErrorCode.UNAVAILABLE,
                "data node " + nodeId + " is not in the cluster view"));
    }

    private DataNodeServiceGrpc.DataNodeServiceBlockingStub stub(NodeInfo node) {
        ManagedChannel channel = channels.channel(node.tcpAddress());
        awaitReady(node, channel);
        DataNodeServiceGrpc.DataNodeServiceBlockingStub stub = DataNodeServiceGrpc.newBlockingStub(channel);
        return readerTimeout.isZero() ? stub : stub.withDeadlineAfter(readerTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits up to the dial timeout for the channel to be connected. A channel backing off after a failed connect
     * is told to retry at once, so a peer that came back is used again without waiting for gRPC's back-off; a
     * connect that fails again ends the wait early.
     */
    private void awaitReady(NodeInfo node, ManagedChannel channel) {
        ConnectivityState state = channel.getState(true);
        if (state == ConnectivityState.READY) {
            return;
        }
        if (state == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
        long deadline = clock.monotonicNanos() + dialTimeout.toNanos();
        boolean connecting = false;
        while (true) {
            QueryInterrupts.check();
            state = channel.getState(true);
            if (state == ConnectivityState.READY) {
                return;
            }
            connecting |= state == ConnectivityState.CONNECTING;
            long left = deadline - clock.monotonicNanos();
            if (left <= 0 || state == ConnectivityState.SHUTDOWN
                    || (state == ConnectivityState.TRANSIENT_FAILURE && connecting)) {
                throw new ShardlineException(ErrorCode.UNAVAILABLE, "data node " + node.id() + " at "
                        + node.tcpAddress() + " unreachable: not connected within dial-timeout (" + dialTimeout.toMillis() + "ms)");
            }
            CountDownLatch changed = new CountDownLatch(1);
            channel.notifyWhenStateChanged(state, changed::countDown);
            try {
                changed.await(Math.min(left, STOP_CHECK_NANOS), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShardlineException(ErrorCode.CANCELLED, "interrupted while connecting to data node "
                        + node.id());
            }
        }
    }
}
