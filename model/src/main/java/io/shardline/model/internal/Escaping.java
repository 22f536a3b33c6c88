package io.shardline.model.internal;

/**
 * The backslash escaping of line protocol and series keys. In 1.x a backslash escapes the next
 * byte only when that byte is one of the element's special characters; every other backslash is
 * literal, so escaping inserts a backslash before each special character and nothing else. Stateless.
 */
public final class Escaping {

    private Escaping() {
    }

    /** Measurement as in a 1.x series key: escapes {@code ,} and space. */
    public static void appendMeasurementKey(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ' ') {
                b.append('\\');
            }
            b.append(c);
        }
    }

    /**
     * Measurement as written in a line: like {@link #appendMeasurementKey}, and also escapes
     * {@code =} or {@code "} that follow a backslash, because the parser unescapes {@code \=} and
     * {@code \"} in measurements (1.x {@code Name()}); without this, {@code a\=b} would read back as
     * {@code a=b}.
     */
    public static void appendMeasurementLine(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean afterBackslash = i > 0 && s.charAt(i - 1) == '\\';
            if (c == ',' || c == ' ' || ((c == '=' || c == '"') && afterBackslash)) {
                b.append('\\');
            }
            b.append(c);
        }
    }

    /** Tag key or value: escapes {@code ,}, space and {@code =}. */
    public static void appendTag(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ' ' || c == '=') {
                b.append('\\');
            }
            b.append(c);
        }
    }

    /**
     * The length of {@code s} escaped as a series key's measurement ({@code tag} false: {@code ,} and space, as
     * {@link #appendMeasurementKey}) or tag key or value ({@code tag} true: also {@code =}, as {@link #appendTag}),
     * or -1 when {@code s} has a character outside ASCII (the caller then encodes through text).
     */
    public static int escapedAsciiLength(String s, boolean tag) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            if (c == ',' || c == ' ' || (tag && c == '=')) {
                n++;
            }
        }
        return n;
    }

    /**
     * Writes ASCII {@code s} escaped as {@link #escapedAsciiLength} measured it into {@code out} at {@code at};
     * returns the offset after it. The bytes are those of the text {@link #appendMeasurementKey} or
     * {@link #appendTag} builds.
     */
    public static int putEscapedAscii(byte[] out, int at, String s, boolean tag) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ' ' || (tag && c == '=')) {
                out[at++] = '\\';
            }
            out[at++] = (byte) c;
        }
        return at;
    }

    /** Field key: escapes {@code ,}, space, {@code =} and {@code "}. */
    public static void appendFieldKey(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ' ' || c == '=' || c == '"') {
                b.append('\\');
            }
            b.append(c);
        }
    }

    /** String field value in double quotes, with {@code \} and {@code "} escaped. */
    public static void appendQuotedString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') {
                b.append('\\');
            }
            b.append(c);
        }
        b.append('"');
    }
}
