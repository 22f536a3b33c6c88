package io.shardline.datanode.rpc;

import com.google.protobuf.ByteString;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.datanode.query.OwnerQueries;
import io.shardline.datanode.query.QueryMemoryPool;
import io.shardline.datanode.query.ScannedPoints;
import io.shardline.proto.datanode.SelectShardRequest;
import io.shardline.proto.datanode.SelectShardResponse;
import io.shardline.proto.datanode.ShardSchemaRequest;
import io.shardline.proto.datanode.ShardSchemaResponse;
import io.shardline.query.exec.PartialGroup;
import io.shardline.query.exec.RawRow;
import io.shardline.query.exec.ShardResultCodec;
import io.shardline.query.exec.ShardResultSink;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.plan.SelectPlanCodec;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The owner side of the query RPCs of {@code DataNodeService}. {@code SelectShard} runs the plan on an executor
 * of its own (so the gRPC threads stay free and a coordinator waiting on this node never starves its peers) and
 * streams the result in batches of about a megabyte, sending the next batch only when the transport is ready for it
 * (gRPC flow control): the owner holds at most one output series, never the whole shard. Thread-safe.
 */
final class QueryRpcServer {

    /** At most this many items are encoded into one message, which is then split while above the byte target. */
    static final int ITEMS_PER_MESSAGE = 16_384;
    static final int TARGET_MESSAGE_BYTES = 1 << 20;

    private final OwnerQueries local;
    private final Executor executor;
    private final Statistic stats;
    private volatile QueryMemoryPool memory;

    QueryRpcServer(OwnerQueries local, Executor executor, StatsRegistry stats) {
        this.local = local;
        this.executor = executor;
        this.stats = stats.statistic("cluster").counters("createIteratorReq", "createIteratorFail", "shardSchemaReq",
                "shardSchemaFail");
    }

    void selectShard(SelectShardRequest request, StreamObserver<SelectShardResponse> response) {
        stats.add("createIteratorReq", 1);
        Flow flow = new Flow((ServerCallStreamObserver<SelectShardResponse>) response);
        try {
            executor.execute(() -> run(request, flow));
        } catch (RejectedExecutionException e) {
            flow.fail(new ShardlineException(ErrorCode.UNAVAILABLE, "data node is shutting down"));
        }
    }

    /** The memory pool owner reads charge (set once the node's query manager exists). */
    void memory(QueryMemoryPool pool) {
        this.memory = pool;
    }

    private void run(SelectShardRequest request, Flow flow) {
        Context counting = flow.points.attachTo(Context.current());
        QueryMemoryPool pool = memory;
        if (pool == null) {
            counting.run(() -> select(request, flow));
            return;
        }
        try (QueryMemoryPool.Account account = pool.open()) {
            account.attachTo(counting).run(() -> select(request, flow));
        }
    }

    private void select(SelectShardRequest request, Flow flow) {
        try {
            SelectPlan plan;
            try {
                plan = SelectPlanCodec.decode(request.getPlan().toByteArray());
            } catch (IllegalArgumentException e) {
                throw ShardlineException.invalid("malformed select plan: " + e.getMessage());
            }
            local.select(request.getShardId(), plan, new ShardResultSink() {
                @Override
                public void rows(List<RawRow> rows) {
                    sendChunked(flow, rows, ShardResultCodec::encodeRows);
                }

                @Override
                public void partials(List<PartialGroup> partials) {
                    sendChunked(flow, partials, ShardResultCodec::encodePartials);
                }
            });
            flow.complete();
        } catch (RuntimeException e) {
            stats.add("createIteratorFail", 1);
            flow.fail(e);
        }
    }

    /**
     * Sends {@code items} in as few messages as the byte target allows (each message costs the owner a wait for
     * the coordinator to ask for the next one), splitting a message in halves while it is too large.
     */
    private static <T> void sendChunked(Flow flow, List<T> items, Function<List<T>, byte[]> encode) {
        for (int i = 0; i < items.size(); i += ITEMS_PER_MESSAGE) {
            send(flow, items.subList(i, Math.min(items.size(), i + ITEMS_PER_MESSAGE)), encode);
        }
    }

    private static <T> void send(Flow flow, List<T> items, Function<List<T>, byte[]> encode) {
        byte[] batch = encode.apply(items);
        if (batch.length > TARGET_MESSAGE_BYTES && items.size() > 1) {
            int half = items.size() / 2;
            send(flow, items.subList(0, half), encode);
            send(flow, items.subList(half, items.size()), encode);
            return;
        }
        flow.send(batch);
    }

    void shardSchema(ShardSchemaRequest request, StreamObserver<ShardSchemaResponse> response) {
        stats.add("shardSchemaReq", 1);
        try {
            ShardSchemaResponse answer = SchemaMessages.response(local.schema(SchemaMessages.question(request)));
            response.onNext(answer);
            response.onCompleted();
        } catch (RuntimeException e) {
            stats.add("shardSchemaFail", 1);
            response.onError(RpcErrors.toStatus(e));
        }
    }

    /**
     * Sends on a server stream only when the transport is ready; stops when the caller cancelled. Every message
     * carries the points read since the previous one ({@link ScannedPoints}); while a scan sends nothing, a
     * message with only that count goes out once a second, so the coordinator's {@code max-select-point} check
     * sees a long scan grow. Sends come from the scanning thread only.
     */
    private static final class Flow {
        private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

        private final ServerCallStreamObserver<SelectShardResponse> out;
        private final Object lock = new Object();
        final ScannedPoints points = new ScannedPoints(total -> reportIfDue());
        private long lastSent = System.nanoTime();
        private volatile boolean cancelled;

        Flow(ServerCallStreamObserver<SelectShardResponse> out) {
            this.out = out;
            out.setOnReadyHandler(this::wake);
            out.setOnCancelHandler(() -> {
                cancelled = true;
                wake();
            });
        }

        private void wake() {
            synchronized (lock) {
                lock.notifyAll();
            }
        }

        private void reportIfDue() {
            if (System.nanoTime() - lastSent >= REPORT_EVERY_NANOS) {
                send(new byte[0]);
            }
        }

        void send(byte[] batch) {
            synchronized (lock) {
                while (!out.isReady() && !cancelled) {
                    try {
                        lock.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ShardlineException(ErrorCode.CANCELLED, "select interrupted");
                    }
                }
            }
            if (cancelled) {
                throw new ShardlineException(ErrorCode.CANCELLED, "select cancelled by the coordinator");
            }
            lastSent = System.nanoTime();
            out.onNext(SelectShardResponse.newBuilder().setBatch(ByteString.copyFrom(batch))
                    .setPointsRead(points.drain()).build());
        }

        void complete() {
            if (!cancelled) {
                try {
                    if (points.pending() > 0) {
                        send(new byte[0]); // the points read since the last message
                    }
                    out.onCompleted();
                } catch (StatusRuntimeException | IllegalStateException e) {
                    // cancelled meanwhile: nobody is listening
                }
            }
        }

        void fail(RuntimeException e) {
            if (!cancelled) {
                try {
                    out.onError(RpcErrors.toStatus(e));
                } catch (StatusRuntimeException | IllegalStateException ignored) {
                    // cancelled meanwhile
                }
            }
        }
    }
}
