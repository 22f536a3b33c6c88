package io.shardline.datanode.write;

import io.shardline.common.error.ErrorCode;
import java.util.Optional;

/**
 * Decides one shard write from the owners' results as they arrive, exactly as InfluxDB Enterprise
 * counts acknowledgements: success as soon as enough owners acked (for {@code any}, a durable
 * hinted-handoff enqueue counts too); once every owner answered without enough acks, {@code partial
 * write} if some owner acked, else {@code write failed: <first error>}. With {@code awaitAll} (deletes) it
 * decides only once every owner answered (acked, queued or failed), by the same rules: a delete then answers
 * after each reachable owner applied it, so a read on any node right after it no longer sees what it removed,
 * while an owner that is down still gets it through hinted handoff. Not thread-safe: the coordinator feeds it
 * from one place.
 */
public final class WriteQuorum {

    /** The decision for a shard write. */
    public record Outcome(boolean success, ErrorCode code, String message) {
        static final Outcome SUCCESS = new Outcome(true, null, null);
    }

    private final ConsistencyLevel level;
    private final int owners;
    private final int required;
    private final boolean awaitAll;
    private int answered;
    private int acked;
    private int queued;
    private String firstError;
    private ErrorCode firstErrorCode;
    private Outcome outcome;

    public WriteQuorum(ConsistencyLevel level, int owners) {
        this(level, owners, false);
    }

    /** @param awaitAll decide only once every owner answered (see the class comment) */
    public WriteQuorum(ConsistencyLevel level, int owners, boolean awaitAll) {
        if (owners < 1) {
            throw new IllegalArgumentException("a shard has at least one owner");
        }
        this.level = level;
        this.owners = owners;
        this.required = level.required(owners);
        this.awaitAll = awaitAll;
    }

    /** How many owners acked so far. */
    public int acked() {
        return acked;
    }

    /** Records one owner's result; returns the decision once there is one (it never changes after). */
    public Optional<Outcome> record(OwnerResult result) {
        if (answered >= owners) {
            throw new IllegalStateException("more results than owners (" + owners + ")");
        }
        answered++;
        switch (result.kind()) {
            case ACKED -> acked++;
            case QUEUED -> queued++;
            case FAILED -> { }
        }
        if (result.error() != null && firstError == null) {
            firstError = result.error();
            firstErrorCode = result.errorCode();
        }
        if (outcome == null) {
            outcome = decide();
        }
        return Optional.ofNullable(outcome);
    }

    /** The decision so far, if any. */
    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    private Outcome decide() {
        if (awaitAll && answered < owners) {
            return null;
        }
        int counted = level == ConsistencyLevel.ANY ? acked + queued : acked;
        if (counted >= required) {
            return Outcome.SUCCESS;
        }
        if (answered < owners) {
            return null;
        }
        if (acked > 0) {
            return new Outcome(false, ErrorCode.WRITE_FAILED, "partial write");
        }
        if (firstError == null || firstError.isEmpty()) {
            return new Outcome(false, ErrorCode.WRITE_FAILED, "write failed");
        }
        ErrorCode code = firstErrorCode == ErrorCode.QUEUE_FULL ? ErrorCode.QUEUE_FULL : ErrorCode.WRITE_FAILED;
        return new Outcome(false, code, "write failed: " + firstError);
    }
}
