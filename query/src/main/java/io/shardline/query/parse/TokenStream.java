package io.shardline.query.parse;

import io.shardline.model.GoFloat;
import java.util.Map;

/**
 * The parser's view of the token sequence, a port of 1.x's buffered scanner: a three-token unscan buffer,
 * whitespace and comment skipping, rune peeking and regex scanning, and substitution of bound parameters
 * ({@code $name}) from the request's {@code params}. Single-threaded.
 */
final class TokenStream {

    private final Scanner scanner;
    private final Map<String, Object> params;
    private final Lexeme[] buf = new Lexeme[3];
    private int i;
    private int n;

    TokenStream(String input, Map<String, Object> params) {
        this.scanner = new Scanner(new RuneReader(input));
        this.params = params == null ? Map.of() : params;
    }

    /** The next token, whitespace included. */
    Lexeme scan() {
        return substitute(scanBuffered(false));
    }

    /** A regex token scanned from the current rune (or the buffered token if one was unscanned). */
    Lexeme scanRegex() {
        return substitute(scanBuffered(true));
    }

    private Lexeme scanBuffered(boolean regex) {
        if (n > 0) {
            n--;
            return curr();
        }
        i = (i + 1) % 3;
        buf[i] = regex ? scanner.scanRegex() : scanner.scan();
        return curr();
    }

    private Lexeme curr() {
        return buf[(i - n + 3) % 3];
    }

    /** Pushes the last token back. */
    void unscan() {
        n++;
    }

    /** The next token that is neither whitespace nor a comment. */
    Lexeme scanIgnoreWhitespace() {
        while (true) {
            Lexeme l = scan();
            if (l.tok() != Token.WS && l.tok() != Token.COMMENT) {
                return l;
            }
        }
    }

    /** Consumes one whitespace token if it is next. */
    void consumeWhitespace() {
        if (scan().tok() != Token.WS) {
            unscan();
        }
    }

    /** The next rune the scanner would read (EOF is consumed, as in 1.x). */
    int peekRune() {
        RuneReader r = scanner.reader();
        int c = r.read();
        if (c != RuneReader.EOF) {
            r.unread();
        }
        return c;
    }

    private Lexeme substitute(Lexeme l) {
        if (l.tok() != Token.BOUNDPARAM || l.lit().length() < 2) {
            return l;
        }
        Object v = params.get(l.lit().substring(1));
        if (v == null) {
            return l;
        }
        return bind(l, v);
    }

    private static Lexeme bind(Lexeme l, Object v) {
        if (v instanceof Map<?, ?> m && m.size() == 1) {
            Map.Entry<?, ?> e = m.entrySet().iterator().next();
            Object inner = e.getValue();
            Token t = switch (String.valueOf(e.getKey())) {
                case "identifier" -> Token.IDENT;
                case "regex" -> Token.REGEX;
                case "duration" -> Token.DURATIONVAL;
                case "string" -> Token.STRING;
                case "integer" -> Token.INTEGER;
                case "number", "float" -> Token.NUMBER;
                default -> null;
            };
            if (t != null && inner != null) {
                return new Lexeme(t, l.line(), l.ch(), literal(inner));
            }
        }
        if (v instanceof String s) {
            return new Lexeme(Token.STRING, l.line(), l.ch(), s);
        } else if (v instanceof Boolean b) {
            return new Lexeme(b ? Token.TRUE : Token.FALSE, l.line(), l.ch(), "");
        } else if (v instanceof Long || v instanceof Integer) {
            return new Lexeme(Token.INTEGER, l.line(), l.ch(), v.toString());
        } else if (v instanceof Double d) {
            return new Lexeme(Token.NUMBER, l.line(), l.ch(), GoFloat.formatF(d));
        }
        return l;
    }

    private static String literal(Object v) {
        return v instanceof Double d ? GoFloat.formatF(d) : String.valueOf(v);
    }
}
