package io.shardline.query.ast;

/** Quoting of identifiers and strings exactly as 1.x's {@code QuoteIdent} and {@code QuoteString}. Stateless. */
public final class Idents {

    private Idents() {
    }

    /** {@code QuoteIdent(segments...)}: quotes a segment when needed and joins segments with dots. */
    public static String quoteIdent(String... segments) {
        StringBuilder b = new StringBuilder();
        appendIdent(b, segments);
        return b.toString();
    }

    /** Appends {@link #quoteIdent}. */
    public static void appendIdent(StringBuilder b, String... segments) {
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            boolean quote = needsQuotes(s) || (!last && !s.isEmpty()) || ((i == 0 || last) && s.isEmpty());
            if (quote) {
                b.append('"');
            }
            for (int j = 0; j < s.length(); j++) {
                char c = s.charAt(j);
                switch (c) {
                    case '\n' -> b.append("\\n");
                    case '\\' -> b.append("\\\\");
                    case '"' -> b.append("\\\"");
                    default -> b.append(c);
                }
            }
            if (quote) {
                b.append('"');
            }
            if (!last) {
                b.append('.');
            }
        }
    }

    /** {@code IdentNeedsQuotes}: keywords and anything but {@code [A-Za-z_][A-Za-z0-9_]*}. */
    public static boolean needsQuotes(String ident) {
        if (Keywords.isKeyword(ident)) {
            return true;
        }
        for (int i = 0; i < ident.length(); i++) {
            char c = ident.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return true;
            }
        }
        return false;
    }

    /** {@code QuoteString}: single quotes with {@code \n}, {@code \\} and {@code \'} escaped. */
    public static String quoteString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (int j = 0; j < s.length(); j++) {
            char c = s.charAt(j);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                default -> b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
