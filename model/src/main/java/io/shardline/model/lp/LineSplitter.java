package io.shardline.model.lp;

/**
 * Finds where a line ends, exactly like 1.x {@code scanLine}: a {@code \n} ends the line unless a
 * backslash escapes it or it lies inside a double-quoted field string. Quotes count only after the
 * first unescaped space and only while more {@code =} than {@code ,} have been seen, so quotes in
 * tags mean nothing. The state survives between calls, so a line may arrive in any number of chunks.
 * Not thread-safe; owned by one {@link LineProtocolStream}.
 */
final class LineSplitter {

    private boolean fields;
    private boolean quoted;
    private boolean escapePending;
    private int equals;
    private int commas;

    /** Forgets the current line; call after each line end. */
    void reset() {
        fields = false;
        quoted = false;
        escapePending = false;
        equals = 0;
        commas = 0;
    }

    /**
     * Scans {@code b[from, to)} as the continuation of the current line and returns the index of the
     * {@code \n} that ends it, or -1 if the line goes on past {@code to}.
     */
    int scan(byte[] b, int from, int to) {
        if (fresh()) {
            // Fast path: a line with no quote and no backslash ends at its first newline.
            for (int i = from; i < to; i++) {
                byte c = b[i];
                if (c == '\n') {
                    return i;
                }
                if (c == '"' || c == '\\') {
                    break;
                }
            }
        }
        return scanExactly(b, from, to);
    }

    private boolean fresh() {
        return !fields && !escapePending && equals == 0 && commas == 0;
    }

    private int scanExactly(byte[] b, int from, int to) {
        int i = from;
        if (escapePending) {
            if (i >= to) {
                return -1;
            }
            escapePending = false;
            i++;
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\\') {
                if (i + 1 < to) {
                    i++;
                    continue;
                }
                escapePending = true;
                return -1;
            }
            if (c == ' ') {
                fields = true;
            } else if (fields) {
                if (!quoted && c == '=') {
                    equals++;
                    continue;
                }
                if (!quoted && c == ',') {
                    commas++;
                    continue;
                }
                if (c == '"' && equals > commas) {
                    quoted = !quoted;
                    continue;
                }
            }
            if (c == '\n' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
