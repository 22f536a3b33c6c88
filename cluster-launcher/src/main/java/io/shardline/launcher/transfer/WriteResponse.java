package io.shardline.launcher.transfer;

/**
 * The answer to one {@code /write}: the HTTP status ({@code 0} when no answer came) and the
 * {@code error} text of the body, or what went wrong on the way. Immutable.
 */
record WriteResponse(int status, String error) {

    static WriteResponse ok() {
        return new WriteResponse(204, "");
    }

    boolean succeeded() {
        return status == 204 || status == 200;
    }

    /** How a failure is reported for a line: the server's text, prefixed by the status for non-400s. */
    String reason() {
        if (status == 0) {
            return error;
        }
        return status == 400 ? error : status + " " + error;
    }
}
