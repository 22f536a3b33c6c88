package io.shardline.common.rpc;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;

/**
 * Carries a {@link ShardlineException} across gRPC and back unchanged: the status code is the error
 * code's {@link ErrorCode#grpcCode()}, the description is the exact message, and the trailer
 * {@value #TRAILER_NAME} holds the stable code. A status without that trailer is a transport
 * failure (no Shardline node answered). Stateless.
 */
public final class RpcErrors {

    public static final String TRAILER_NAME = "shardline-error-code";
    private static final Metadata.Key<String> CODE = Metadata.Key.of(TRAILER_NAME, Metadata.ASCII_STRING_MARSHALLER);

    private RpcErrors() {
    }

    /** The status a server answers with for {@code error}. */
    public static StatusRuntimeException toStatus(ShardlineException error) {
        Metadata trailers = new Metadata();
        trailers.put(CODE, error.code().code());
        Status status = Status.fromCodeValue(error.code().grpcCode()).withDescription(error.getMessage());
        return status.asRuntimeException(trailers);
    }

    /** The status for any failure a handler caught; unexpected ones become {@link ErrorCode#INTERNAL}. */
    public static StatusRuntimeException toStatus(Throwable t) {
        Throwable cause = unwrap(t);
        if (cause instanceof StatusRuntimeException sre) {
            return sre;
        }
        return toStatus(ShardlineException.wrap(cause, ErrorCode.INTERNAL, "internal error"));
    }

    /**
     * The Shardline error the server sent, or null if {@code t} is not a status carrying one (the
     * request did not reach a Shardline node, or the node failed before answering).
     */
    public static ShardlineException fromStatus(Throwable t) {
        Throwable cause = unwrap(t);
        if (!(cause instanceof StatusRuntimeException sre) || sre.getTrailers() == null) {
            return null;
        }
        String code = sre.getTrailers().get(CODE);
        if (code == null) {
            return null;
        }
        String message = sre.getStatus().getDescription() == null ? "" : sre.getStatus().getDescription();
        return new ShardlineException(ErrorCode.fromCode(code), message);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException
                || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
