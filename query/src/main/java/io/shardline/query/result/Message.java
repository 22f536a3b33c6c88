package io.shardline.query.result;

/** An informational message attached to a statement result, e.g. the read-only warning. */
public record Message(String level, String text) {

    /** A {@code warning} message. */
    public static Message warning(String text) {
        return new Message("warning", text);
    }

    /**
     * 1.x's {@code ReadOnlyWarning} for a write statement sent with GET:
     * {@code deprecated use of '<stmt>' in a read only context, please use a POST request instead}.
     */
    public static Message readOnlyWarning(String statement) {
        return warning("deprecated use of '" + statement + "' in a read only context, please use a POST request "
                + "instead");
    }
}
