package io.shardline.ctl.datanode;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.shardline.common.rpc.GrpcChannels;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The way data-node verbs (copy-shard, copy-shard-status, kill-copy-shard, remove-shard, show-shards
 * -v, entropy) reach a data node's DataNodeService: by its TCP address ({@code bind-address}, the
 * address {@code show} lists), one channel per address (TLS with {@code -bind-tls}), every call bounded by the ctl
 * timeout. Failures come back as {@link ShardlineException}s: the node's own error unchanged, or
 * {@link ErrorCode#UNAVAILABLE} / {@link ErrorCode#TIMEOUT} when no node answered. Thread-safe;
 * close it to shut every channel.
 */
public final class DataNodeConnections implements AutoCloseable {

    /** Shard transfers arrive in chunks of up to 4 MiB. */
    private static final int MAX_MESSAGE = 64 << 20;

    private final Duration callTimeout;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final List<ClientInterceptor> credentials;
    private final SslContext tls;

    public DataNodeConnections(Duration callTimeout) {
        this(callTimeout, List.of(), null);
    }

    /**
     * @param credentials run on every call (shardline-ctl's -auth-type credentials)
     * @param tls         TLS context of the channels ({@code -bind-tls}), null for plaintext
     */
    public DataNodeConnections(Duration callTimeout, List<ClientInterceptor> credentials, SslContext tls) {
        this.callTimeout = callTimeout;
        this.credentials = List.copyOf(credentials);
        this.tls = tls;
    }

    /** An async stub for the data node at {@code tcpAddress} whose calls end after the timeout. */
    public DataNodeServiceGrpc.DataNodeServiceStub stub(String tcpAddress) {
        return DataNodeServiceGrpc.newStub(channel(tcpAddress))
                .withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * An async stub for a long transfer (backup, restore) to or from the data node at
     * {@code tcpAddress}: no deadline (the transfer's idle timeout bounds it).
     */
    public DataNodeServiceGrpc.DataNodeServiceStub streamingStub(String tcpAddress) {
        return DataNodeServiceGrpc.newStub(channel(tcpAddress));
    }

    /**
     * Runs one unary call on the data node at {@code tcpAddress} and waits for its answer, e.g.
     * {@code call(addr, "remove shard", s -> GrpcCalls.unary(o -> s.removeShard(request, o)))}.
     *
     * @param what the operation, for the error message ({@code remove shard 31})
     */
    public <T> T call(String tcpAddress, String what,
                      Function<DataNodeServiceGrpc.DataNodeServiceStub, CompletableFuture<T>> rpc) {
        try {
            return rpc.apply(stub(tcpAddress)).get(callTimeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(tcpAddress, what, e.getCause());
        } catch (TimeoutException e) {
            throw new ShardlineException(ErrorCode.TIMEOUT, "cannot " + what + " on data node " + tcpAddress
                    + ": no answer within " + callTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShardlineException(ErrorCode.CANCELLED, "interrupted while waiting for data node " + tcpAddress);
        }
    }

    /** The node's own error, or why no node answered. */
    public static ShardlineException failure(String tcpAddress, String what, Throwable cause) {
        ShardlineException remote = RpcErrors.fromStatus(cause);
        if (remote != null) {
            return remote;
        }
        if (cause instanceof StatusRuntimeException sre) {
            Status status = sre.getStatus();
            ErrorCode code = status.getCode() == Status.Code.DEADLINE_EXCEEDED ? ErrorCode.TIMEOUT : ErrorCode.UNAVAILABLE;
            String detail = status.getDescription() == null ? status.getCode().toString() : status.getDescription();
            return new ShardlineException(code, "cannot " + what + " on data node " + tcpAddress + ": " + detail, cause);
        }
        return ShardlineException.wrap(cause, ErrorCode.UNAVAILABLE, "cannot " + what + " on data node " + tcpAddress);
    }

    private ManagedChannel channel(String tcpAddress) {
        return channels.computeIfAbsent(tcpAddress, a -> GrpcChannels.builder(a, tls)
                .maxInboundMessageSize(MAX_MESSAGE).intercept(credentials).build());
    }

    @Override
    public void close() {
        new ArrayList<>(channels.values()).forEach(ManagedChannel::shutdownNow);
        channels.clear();
    }
}
