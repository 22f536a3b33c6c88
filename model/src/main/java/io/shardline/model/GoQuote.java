package io.shardline.model;

/**
 * Go's {@code strconv.Quote} for the ASCII-relevant cases, so messages built with {@code %q} match
 * 1.x byte for byte (parser errors here, storage's drop reasons). Stateless.
 */
public final class GoQuote {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoQuote() {
    }

    /** {@code s} quoted as Go's {@code %q} prints it. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\u0007' -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\u000b' -> b.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
