package io.shardline.ctl;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.shardline.common.rpc.GrpcChannels;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.common.unit.GoDurations;
import io.shardline.proto.meta.MetaServiceGrpc;
import io.shardline.proto.meta.NodeStatusRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks, before the first meta operation, that the {@code -bind} node answers at all (its node
 * status, which every meta node answers locally, joined or not). The meta client would retry an
 * unreachable address until the timeout and then report the transport failure verbatim; the ctl
 * instead fails at once with a short reason, as influxd-ctl does when nothing listens on 8091.
 * Stateless; each check opens and closes its own channel.
 */
final class MetaProbe {

    private MetaProbe() {
    }

    /**
     * Returns if the node at {@code bind} answered within {@code deadline}; over TLS if {@code tls} is not null,
     * with the run's credentials (so a secured meta node does not log the probe as an unauthenticated call).
     *
     * @throws ShardlineException {@link ErrorCode#META_UNAVAILABLE} naming the address and the reason
     */
    static void check(String bind, SslContext tls, List<ClientInterceptor> credentials, Duration deadline) {
        ManagedChannel channel = GrpcChannels.open(bind, tls, credentials);
        try {
            MetaServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getNodeStatus(NodeStatusRequest.getDefaultInstance());
        } catch (StatusRuntimeException e) {
            if (RpcErrors.fromStatus(e) != null) {
                return; // a Shardline node answered, even if with an error: it is reachable
            }
            throw new ShardlineException(ErrorCode.META_UNAVAILABLE, "unable to reach meta node at " + bind + ": "
                    + reason(e.getStatus(), deadline), e);
        } finally {
            channel.shutdownNow();
        }
    }

    /** The transport failure in a few words: the root cause's message, or the status. */
    static String reason(Status status, Duration deadline) {
        if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            return "no answer within " + GoDurations.format(deadline);
        }
        Throwable root = status.getCause();
        while (root != null && root.getCause() != null) {
            root = root.getCause();
        }
        if (root != null && root.getMessage() != null) {
            return root.getMessage();
        }
        String description = status.getDescription();
        return status.getCode() + (description == null ? "" : ": " + description);
    }
}
