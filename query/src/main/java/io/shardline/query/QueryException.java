package io.shardline.query;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;

/**
 * A statement-level error with the exact 1.x text, reported in that statement's {@code results[i].error}
 * (not as a 400 parse error), e.g. {@code mixing aggregate and non-aggregate queries is not supported}.
 */
public final class QueryException extends ShardlineException {

    private static final long serialVersionUID = 1L;

    public QueryException(String message) {
        super(ErrorCode.INVALID_ARGUMENT, message);
    }
}
