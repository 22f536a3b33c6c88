package io.shardline.query.parse;

/**
 * The rune reader behind the scanner, a port of 1.x's: CR and CRLF read as LF, a three-deep unread buffer, and
 * positions that advance once past EOF, so re-reading EOF after it was consumed reports one column further. The
 * NUL character reads as EOF. Single-threaded.
 */
final class RuneReader {

    static final int EOF = 0;

    private final int[] runes;
    private int next;
    private int line;
    private int ch;
    private boolean eof;
    private final int[] bufCh = new int[3];
    private final int[] bufLine = new int[3];
    private final int[] bufPos = new int[3];
    private int i;
    private int n;

    RuneReader(String input) {
        int[] cps = input.codePoints().toArray();
        int[] out = new int[cps.length];
        int len = 0;
        for (int k = 0; k < cps.length; k++) {
            if (cps[k] == '\r') {
                if (k + 1 < cps.length && cps[k + 1] == '\n') {
                    k++;
                }
                out[len++] = '\n';
            } else {
                out[len++] = cps[k];
            }
        }
        this.runes = java.util.Arrays.copyOf(out, len);
    }

    /** Reads the next rune (or EOF) and returns it; its position is then {@link #line()}/{@link #ch()}. */
    int read() {
        if (n > 0) {
            n--;
            return curr();
        }
        int c = next < runes.length ? runes[next++] : EOF;
        i = (i + 1) % 3;
        bufCh[i] = c;
        bufLine[i] = line;
        bufPos[i] = ch;
        if (c == '\n') {
            line++;
            ch = 0;
        } else if (!eof) {
            ch++;
        }
        if (c == EOF) {
            eof = true;
        }
        return c;
    }

    /** Pushes the last read rune back. */
    void unread() {
        n++;
    }

    /** The last read (or pushed back) rune. */
    int curr() {
        return bufCh[(i - n + 3) % 3];
    }

    /** Line of {@link #curr()}. */
    int line() {
        return bufLine[(i - n + 3) % 3];
    }

    /** Column of {@link #curr()}. */
    int ch() {
        return bufPos[(i - n + 3) % 3];
    }
}
