package io.shardline.common.error;

import java.util.Objects;

/**
 * The one exception type of Shardline. Its message is what an operator or a client sees (for the
 * public API it is the exact InfluxDB error text); its {@link ErrorCode} is what code branches on.
 */
public class ShardlineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ShardlineException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ShardlineException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    public boolean retriable() {
        return code.retriable();
    }

    /** Shorthand for an {@link ErrorCode#INVALID_ARGUMENT} error. */
    public static ShardlineException invalid(String message) {
        return new ShardlineException(ErrorCode.INVALID_ARGUMENT, message);
    }

    /** Shorthand for a {@link ErrorCode#NOT_FOUND} error. */
    public static ShardlineException notFound(String message) {
        return new ShardlineException(ErrorCode.NOT_FOUND, message);
    }

    /**
     * Returns {@code t} if it is a {@code ShardlineException}, else wraps it with the given code and
     * a message that keeps the cause's text.
     */
    public static ShardlineException wrap(Throwable t, ErrorCode code, String context) {
        if (t instanceof ShardlineException se) {
            return se;
        }
        String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new ShardlineException(code, context + ": " + detail, t);
    }
}
