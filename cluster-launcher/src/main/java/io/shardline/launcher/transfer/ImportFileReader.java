package io.shardline.launcher.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an import file line by line with line numbers. Lines end at {@code \n} only ({@code \r}
 * stays, as 1.x treats it), and a last line without {@code \n} is still read (influx drops it). A
 * line of line protocol ({@link #next(boolean)} with {@code true}) goes on past a {@code \n} that 1.x's
 * {@code scanLine} would not end it at: one inside a quoted string field, or escaped by a backslash,
 * so a string value with newlines stays one point and its continuation lines are never taken for
 * comments or context switches. Works on bytes: a line costs one copy. Not thread-safe.
 */
final class ImportFileReader {

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private byte[] line = new byte[256];
    private int length;
    private boolean special;
    private int pos;
    private int limit;
    private long physical;
    private boolean eof;

    ImportFileReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next line, or null at the end. With {@code lineProtocol}, a line that is not blank and not a
     * comment is extended over the newlines that do not end it in line protocol.
     */
    ImportLine next(boolean lineProtocol) throws IOException {
        length = 0;
        special = false;
        if (!readPhysical()) {
            return null;
        }
        long number = physical;
        if (lineProtocol && special) {
            extend();
        }
        return new ImportLine(number, Arrays.copyOf(line, length));
    }

    /** Extends {@code last}, the line {@link #next} just returned, as {@code next(true)} would have. */
    ImportLine extendLast(ImportLine last) throws IOException {
        if (special) {
            extend();
        }
        return new ImportLine(last.number(), Arrays.copyOf(line, length));
    }

    /** Only lines with a quote or a backslash can go on; data lines only. */
    private void extend() throws IOException {
        if (!ImportLine.isData(line, length)) {
            return;
        }
        LineScan scan = new LineScan();
        scan.feed(line, 0, length);
        while (scan.open()) {
            append((byte) '\n');
            scan.feed(line, length - 1, length);
            int from = length;
            if (!readPhysical()) {
                return;
            }
            scan.feed(line, from, length);
        }
    }

    /** Appends the next physical line (without its {@code \n}) to the line; false at the end. */
    private boolean readPhysical() throws IOException {
        boolean any = false;
        while (true) {
            if (pos == limit && (eof || !fill())) {
                if (any) {
                    physical++;
                }
                return any;
            }
            any = true;
            for (int i = pos; i < limit; i++) {
                byte c = buf[i];
                if (c == '\n') {
                    append(buf, pos, i - pos);
                    pos = i + 1;
                    physical++;
                    return true;
                }
                if (c == '"' || c == '\\') {
                    special = true;
                }
            }
            append(buf, pos, limit - pos);
            pos = limit;
        }
    }

    private void append(byte[] b, int off, int len) {
        ensure(length + len);
        System.arraycopy(b, off, line, length, len);
        length += len;
    }

    private void append(byte b) {
        ensure(length + 1);
        line[length++] = b;
    }

    private void ensure(int capacity) {
        if (capacity > line.length) {
            line = Arrays.copyOf(line, Math.max(capacity, line.length * 2));
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /**
     * 1.x's {@code scanLine} state over the bytes of one line: after the first unescaped space,
     * a quote toggles a string while more {@code =} than {@code ,} were seen; a backslash escapes the
     * next byte.
     */
    static final class LineScan {
        private boolean fields;
        private boolean quoted;
        private boolean escapePending;
        private int equals;
        private int commas;

        void feed(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                byte c = b[i];
                if (escapePending) {
                    escapePending = false;
                    continue;
                }
                if (c == '\\') {
                    escapePending = true;
                    continue;
                }
                if (c == ' ') {
                    fields = true;
                } else if (fields) {
                    if (!quoted && c == '=') {
                        equals++;
                    } else if (!quoted && c == ',') {
                        commas++;
                    } else if (c == '"' && equals > commas) {
                        quoted = !quoted;
                    }
                }
            }
        }

        /** Whether a newline here would not end the line. */
        boolean open() {
            return quoted || escapePending;
        }
    }
}
