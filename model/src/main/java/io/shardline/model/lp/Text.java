package io.shardline.model.lp;

import java.nio.charset.StandardCharsets;

/**
 * Turns escaped line-protocol bytes into strings. 1.x removes the backslash in front of an
 * element's special characters and keeps every other backslash; bytes are decoded as UTF-8 (invalid
 * sequences become U+FFFD). Not thread-safe: the scratch buffer belongs to one parser.
 */
final class Text {

    /** Specials of measurements ({@code Name()}) and field keys: {@code , " space =}. */
    static final int NAME = 1;
    /** Specials of tag keys and values: {@code , space =}. */
    static final int TAG = 2;

    private byte[] scratch = new byte[64];

    static boolean isSpecial(byte c, int set) {
        return c == ',' || c == ' ' || c == '=' || (c == '"' && set == NAME);
    }

    /** {@code b[s, e)} unescaped for {@code set} and decoded. */
    String unescape(byte[] b, int s, int e, int set) {
        int i = indexOfBackslash(b, s, e);
        if (i < 0) {
            return new String(b, s, e - s, StandardCharsets.UTF_8);
        }
        byte[] out = scratch(e - s);
        int n = 0;
        for (i = s; i < e; i++) {
            byte c = b[i];
            if (c == '\\' && i + 1 < e && isSpecial(b[i + 1], set)) {
                c = b[++i];
            }
            out[n++] = c;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** A string field's content {@code b[s, e)} (quotes excluded) with {@code \\} and {@code \"} unescaped. */
    String unescapeString(byte[] b, int s, int e) {
        int i = indexOfBackslash(b, s, e);
        if (i < 0) {
            return new String(b, s, e - s, StandardCharsets.UTF_8);
        }
        byte[] out = scratch(e - s);
        int n = 0;
        for (i = s; i < e; i++) {
            byte c = b[i];
            if (c == '\\' && i + 1 < e && (b[i + 1] == '\\' || b[i + 1] == '"')) {
                c = b[++i];
            }
            out[n++] = c;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** {@code b[s, e)} decoded as is. */
    static String raw(byte[] b, int s, int e) {
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }

    private static int indexOfBackslash(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] == '\\') {
                return i;
            }
        }
        return -1;
    }

    private byte[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        return scratch;
    }
}
