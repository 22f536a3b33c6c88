package io.shardline.query.parse;

import io.shardline.query.ast.Idents;
import io.shardline.query.ast.InfluxDuration;
import java.util.ArrayList;
import java.util.List;

/** Token-level helpers shared by the InfluxQL parsers (ports of 1.x's {@code Parse*} helpers). */
abstract class ParserBase {

    final TokenStream ts;

    ParserBase(TokenStream ts) {
        this.ts = ts;
    }

    /** {@code ParseIdent}. */
    String parseIdent() {
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.IDENT) {
            throw ParseException.expected(l, "identifier");
        }
        return l.lit();
    }

    /** {@code ParseIdentList}: one or more comma-separated identifiers. */
    List<String> parseIdentList() {
        List<String> idents = new ArrayList<>();
        idents.add(parseIdent());
        while (true) {
            if (ts.scanIgnoreWhitespace().tok() != Token.COMMA) {
                ts.unscan();
                return idents;
            }
            idents.add(parseIdent());
        }
    }

    /** {@code parseSegmentedIdents}: {@code "db"."rp".m} or {@code db..m}, at most three segments. */
    List<String> parseSegmentedIdents() {
        List<String> idents = new ArrayList<>();
        idents.add(parseIdent());
        while (true) {
            if (ts.scan().tok() != Token.DOT) {
                ts.unscan();
                break;
            }
            int ch = ts.peekRune();
            if (ch == '/' || ch == ':') {
                break;
            } else if (ch == '.') {
                idents.add("");
                continue;
            }
            idents.add(parseIdent());
        }
        if (idents.size() > 3) {
            throw ParseException.at("too many segments in " + Idents.quoteIdent(idents.toArray(String[]::new)),
                    0, 0);
        }
        return idents;
    }

    /** {@code parseString}. */
    String parseString() {
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.STRING) {
            throw ParseException.expected(l, "string");
        }
        return l.lit();
    }

    /** {@code ParseInt(min, max)}. */
    int parseInt(int min, int max) {
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.INTEGER) {
            throw ParseException.expected(l, "integer");
        }
        long n;
        try {
            n = Long.parseLong(l.lit());
        } catch (NumberFormatException e) {
            throw ParseException.at("strconv.Atoi: parsing \"" + l.lit() + "\": value out of range", l.line(),
                    l.ch());
        }
        if (min > n || n > max) {
            throw ParseException.at("invalid value " + n + ": must be " + min + " <= n <= " + max, l.line(),
                    l.ch());
        }
        return (int) n;
    }

    /** {@code ParseUInt64}: an unsigned 64-bit integer, returned in a long's bits. */
    long parseUInt64() {
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.INTEGER) {
            throw ParseException.expected(l, "integer");
        }
        try {
            return Long.parseUnsignedLong(l.lit());
        } catch (NumberFormatException e) {
            throw ParseException.at("strconv.ParseUint: parsing \"" + l.lit() + "\": value out of range", l.line(),
                    l.ch());
        }
    }

    /** {@code ParseDuration}: a duration literal or INF (0). */
    long parseDuration() {
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.DURATIONVAL && l.tok() != Token.INF) {
            throw ParseException.expected(l, "duration");
        }
        if (l.tok() == Token.INF) {
            return 0;
        }
        try {
            return InfluxDuration.parse(l.lit());
        } catch (IllegalArgumentException e) {
            throw ParseException.at(e.getMessage(), l.line(), l.ch());
        }
    }

    /** A duration that must not be INF ({@code invalid duration INF for shard duration}). */
    long parseShardDuration() {
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() == Token.INF) {
            throw ParseException.at("invalid duration INF for shard duration", l.line(), l.ch());
        }
        ts.unscan();
        return parseDuration();
    }

    /** {@code parseTokens}: the exact token sequence. */
    void parseTokens(Token... expected) {
        for (Token t : expected) {
            Lexeme l = ts.scanIgnoreWhitespace();
            if (l.tok() != t) {
                throw ParseException.expected(l, t.text());
            }
        }
    }

    /** Whether the next token is {@code t}; consumes it if so. */
    boolean accept(Token t) {
        if (ts.scanIgnoreWhitespace().tok() == t) {
            return true;
        }
        ts.unscan();
        return false;
    }

    /** {@code ParseOptionalTokenAndInt}: {@code t <n>} if present, else 0. */
    int parseOptionalTokenAndInt(Token t) {
        if (!accept(t)) {
            return 0;
        }
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.INTEGER) {
            throw ParseException.expected(l, "integer");
        }
        long n;
        try {
            n = Long.parseLong(l.lit());
        } catch (NumberFormatException e) {
            n = Long.MAX_VALUE;
        }
        if (n < 0) {
            throw ParseException.at(t.text() + " must be >= 0", l.line(), l.ch());
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }
}
