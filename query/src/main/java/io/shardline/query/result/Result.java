package io.shardline.query.result;

import java.util.List;

/**
 * The result of one statement (1.x's {@code query.Result}): its id, series, messages, error text and the
 * chunking {@code partial} flag. Immutable.
 */
public record Result(int statementId, List<Series> series, List<Message> messages, String error,
        boolean partial) {

    /** 1.x's {@code ErrNotExecuted} text for statements after a failed one. */
    public static final String NOT_EXECUTED = "not executed";

    public Result {
        series = List.copyOf(series);
        messages = List.copyOf(messages);
    }

    /** A successful result. */
    public static Result of(int statementId, List<Series> series) {
        return new Result(statementId, series, List.of(), null, false);
    }

    /** A failed statement. */
    public static Result error(int statementId, String error) {
        return new Result(statementId, List.of(), List.of(), error, false);
    }

    /** The result of a statement skipped because an earlier one failed. */
    public static Result notExecuted(int statementId) {
        return error(statementId, NOT_EXECUTED);
    }

    /** A copy with another message appended. */
    public Result withMessage(Message m) {
        List<Message> all = new java.util.ArrayList<>(messages);
        all.add(m);
        return new Result(statementId, series, all, error, partial);
    }
}
