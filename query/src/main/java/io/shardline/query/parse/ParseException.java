package io.shardline.query.parse;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.util.List;

/**
 * An InfluxQL parse error. {@link #getMessage()} is exactly the 1.x text the HTTP layer puts after
 * {@code error parsing query: }, e.g. {@code found EOF, expected identifier at line 1, char 15}.
 */
public final class ParseException extends ShardlineException {

    private static final long serialVersionUID = 1L;

    private ParseException(String message) {
        super(ErrorCode.INVALID_ARGUMENT, message);
    }

    /** {@code found X, expected A, B at line L, char C} (positions zero-based here, printed one-based). */
    static ParseException expected(String found, List<String> expected, int line, int ch) {
        return new ParseException("found " + found + ", expected " + String.join(", ", expected)
                + at(line, ch));
    }

    /** {@code found X, expected ...} for a token. */
    static ParseException expected(Lexeme l, String... expected) {
        return expected(Token.tokstr(l.tok(), l.lit()), List.of(expected), l.line(), l.ch());
    }

    /** {@code <message> at line L, char C}. */
    static ParseException at(String message, int line, int ch) {
        return new ParseException(message + at(line, ch));
    }

    /** A message without position (1.x's plain {@code errors.New} cases). */
    public static ParseException plain(String message) {
        return new ParseException(message);
    }

    private static String at(int line, int ch) {
        return " at line " + (line + 1) + ", char " + (ch + 1);
    }
}
