package io.shardline.common.json;

/**
 * JSON text exactly as Go's {@code encoding/json} writes it, because InfluxDB clients and scripts
 * compare bodies byte for byte. Strings escape {@code <}, {@code >} and {@code &} as
 * {@code \u003c}, {@code \u003e}, {@code \u0026}, and U+2028/U+2029 as escapes, like Go does.
 * Stateless.
 */
public final class GoJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJson() {
    }

    /** The JSON string literal for {@code s}, with Go's escaping. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        appendQuoted(b, s);
        return b.toString();
    }

    /** Appends the JSON string literal for {@code s} to {@code b}. */
    public static void appendQuoted(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> appendUnicodeEscape(b, c);
                default -> {
                    if (c < 0x20) {
                        appendUnicodeEscape(b, c);
                    } else if (Character.isSurrogate(c) && !validSurrogatePair(s, i)) {
                        b.append("\\ufffd");
                    } else {
                        b.append(c);
                        if (Character.isHighSurrogate(c)) {
                            b.append(s.charAt(++i));
                        }
                    }
                }
            }
        }
        b.append('"');
    }

    private static boolean validSurrogatePair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
    }

    private static void appendUnicodeEscape(StringBuilder b, char c) {
        b.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }

    /** {@code {"error":"<message>"}} as InfluxDB writes error bodies (without the trailing newline). */
    public static String errorBody(String message) {
        return "{\"error\":" + quote(message) + "}";
    }
}
