package io.shardline.datanode.write;

import io.shardline.common.error.ErrorCode;
import java.util.Objects;

/**
 * What happened to a shard write on one owner: written ({@link Kind#ACKED}), not written but durably
 * queued in hinted handoff ({@link Kind#QUEUED}), or failed with an error (the error of the direct
 * write, or of the enqueue when that failed too). Immutable.
 */
public record OwnerResult(long nodeId, Kind kind, ErrorCode errorCode, String error) {

    /** Outcome kinds. */
    public enum Kind { ACKED, QUEUED, FAILED }

    public OwnerResult {
        Objects.requireNonNull(kind, "kind");
    }

    public static OwnerResult acked(long nodeId) {
        return new OwnerResult(nodeId, Kind.ACKED, null, null);
    }

    /** Queued in hinted handoff after the direct write failed (or was skipped) with {@code error}. */
    public static OwnerResult queued(long nodeId, ErrorCode code, String error) {
        return new OwnerResult(nodeId, Kind.QUEUED, code, error);
    }

    public static OwnerResult failed(long nodeId, ErrorCode code, String error) {
        return new OwnerResult(nodeId, Kind.FAILED, Objects.requireNonNull(code), Objects.requireNonNull(error));
    }
}
