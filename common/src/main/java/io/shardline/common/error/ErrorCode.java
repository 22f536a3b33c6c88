package io.shardline.common.error;

/**
 * Every failure Shardline reports, with a stable code, whether retrying can help, the HTTP status
 * the public API answers with, and the canonical gRPC status code (numeric, as in
 * {@code google.rpc.Code}) used between nodes. Code branches on these values, never on message text.
 */
public enum ErrorCode {
    /** A bug or an unexpected condition. */
    INTERNAL("internal", false, 500, 13),
    /** The request is malformed: bad parameter, bad syntax, value out of range. */
    INVALID_ARGUMENT("invalid_argument", false, 400, 3),
    /** A configuration value is invalid; the node refuses to start. */
    CONFIG_INVALID("config_invalid", false, 500, 3),
    /** A named object (database, retention policy, shard, node) does not exist. */
    NOT_FOUND("not_found", false, 404, 5),
    /** The object to create exists already and the request conflicts with it. */
    ALREADY_EXISTS("already_exists", false, 409, 6),
    /** The operation is not allowed in the current state (for example, a node is closed). */
    FAILED_PRECONDITION("failed_precondition", false, 500, 9),
    /** A peer or a resource is temporarily unavailable. */
    UNAVAILABLE("unavailable", true, 503, 14),
    /** The meta cluster has no reachable leader or quorum. */
    META_UNAVAILABLE("meta_unavailable", true, 503, 14),
    /** The request reached a meta node that is not the Raft leader. */
    NOT_LEADER("not_leader", true, 503, 14),
    /** The operation did not finish in time. */
    TIMEOUT("timeout", true, 500, 4),
    /** The operation was cancelled or aborted on request. */
    CANCELLED("cancelled", false, 500, 1),
    /** Some points were rejected (type conflict, outside retention); the rest were written. */
    PARTIAL_WRITE("partial_write", false, 400, 3),
    /** A point's field has a different type from the one stored for that measurement. */
    FIELD_TYPE_CONFLICT("field_type_conflict", false, 400, 3),
    /** Too few owners acknowledged a write for its consistency level. */
    WRITE_FAILED("write_failed", true, 500, 14),
    /** A hinted-handoff queue reached its maximum size. */
    QUEUE_FULL("queue_full", true, 500, 8),
    /** A query or request went past a configured limit (concurrent queries, memory). */
    LIMIT_EXCEEDED("limit_exceeded", false, 500, 8),
    /** A request body exceeded the configured maximum size. */
    TOO_LARGE("too_large", false, 413, 8),
    /** Reading or writing local files failed. */
    IO_ERROR("io_error", true, 500, 13),
    /** Stored data failed a checksum or could not be decoded. */
    CORRUPTED("corrupted", false, 500, 15),
    /** A listening address is taken or cannot be bound. */
    ADDRESS_IN_USE("address_in_use", false, 500, 14),
    /** A call between Shardline processes without valid credentials (wrong or missing shared secret). */
    UNAUTHENTICATED("unauthenticated", false, 401, 16);

    private final String code;
    private final boolean retriable;
    private final int httpStatus;
    private final int grpcCode;

    ErrorCode(String code, boolean retriable, int httpStatus, int grpcCode) {
        this.code = code;
        this.retriable = retriable;
        this.httpStatus = httpStatus;
        this.grpcCode = grpcCode;
    }

    /** Stable, lower-case identifier, safe to carry between nodes and versions. */
    public String code() {
        return code;
    }

    /** Whether the same request may succeed if sent again later. */
    public boolean retriable() {
        return retriable;
    }

    /** The HTTP status used when this error reaches the public API as is. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The canonical gRPC status code number. */
    public int grpcCode() {
        return grpcCode;
    }

    /** The error code with the given stable identifier, or {@link #INTERNAL} if unknown. */
    public static ErrorCode fromCode(String code) {
        for (ErrorCode e : values()) {
            if (e.code.equals(code)) {
                return e;
            }
        }
        return INTERNAL;
    }
}
