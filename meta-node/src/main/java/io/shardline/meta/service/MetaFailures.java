package io.shardline.meta.service;

import io.grpc.StatusRuntimeException;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Classifies failures inside the meta node: Shardline errors and gRPC statuses stay as they are,
 * timeouts and Ratis failures (no leader, no quorum, closed client) become
 * {@link ErrorCode#META_UNAVAILABLE}, anything else is {@link ErrorCode#INTERNAL}. Stateless.
 */
final class MetaFailures {

    private MetaFailures() {
    }

    static RuntimeException classify(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof ShardlineException || c instanceof StatusRuntimeException) {
            return (RuntimeException) c;
        }
        if (c instanceof TimeoutException) {
            return new ShardlineException(ErrorCode.META_UNAVAILABLE, "timed out waiting for the meta cluster", c);
        }
        if (c instanceof java.io.IOException || c.getClass().getName().startsWith("org.apache.ratis.")) {
            return new ShardlineException(ErrorCode.META_UNAVAILABLE, "meta cluster unavailable: " + c.getMessage(), c);
        }
        return ShardlineException.wrap(c, ErrorCode.INTERNAL, "meta node");
    }
}
