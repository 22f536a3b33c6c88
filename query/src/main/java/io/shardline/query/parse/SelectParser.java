package io.shardline.query.parse;

import io.shardline.query.ast.Call;
import io.shardline.query.ast.Dimension;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Field;
import io.shardline.query.ast.FillOption;
import io.shardline.query.ast.IntegerLiteral;
import io.shardline.query.ast.Measurement;
import io.shardline.query.ast.NumberLiteral;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.RegexLiteral;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.ast.SortField;
import io.shardline.query.ast.StringLiteral;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code SELECT} statements (1.x's {@code parseSelectStatement}); the SELECT token is already consumed. */
final class SelectParser extends ClauseParser {

    SelectParser(TokenStream ts) {
        super(ts);
    }

    SelectStatement parseSelect() {
        return parseSelect(false);
    }

    /** With {@code targetRequired} (a continuous query's SELECT) a missing {@code INTO} is an error. */
    SelectStatement parseSelect(boolean targetRequired) {
        List<Field> fields = parseFields();
        Measurement into = parseTarget(targetRequired);
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.FROM) {
            throw ParseException.expected(l, "FROM");
        }
        List<Measurement> sources = parseSources(true);
        Expr condition = parseCondition();
        List<Dimension> dims = parseDimensions();
        Object[] fill = parseFill();
        List<SortField> sort = parseOrderBy();
        int limit = parseOptionalTokenAndInt(Token.LIMIT);
        int offset = parseOptionalTokenAndInt(Token.OFFSET);
        int slimit = parseOptionalTokenAndInt(Token.SLIMIT);
        int soffset = parseOptionalTokenAndInt(Token.SOFFSET);
        String location = parseLocation();
        return new SelectStatement(fields, sources, condition, dims, (FillOption) fill[0], (Number) fill[1],
                sort, limit, offset, slimit, soffset, location, into);
    }

    /**
     * {@code parseTarget}: {@code INTO [[db.]rp.]name} or {@code INTO [db.]rp.:MEASUREMENT} (empty name), or
     * null when there is no INTO.
     */
    private Measurement parseTarget(boolean required) {
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.INTO) {
            if (required) {
                throw ParseException.expected(l, "INTO");
            }
            ts.unscan();
            return null;
        }
        List<String> idents = new ArrayList<>(parseSegmentedIdents());
        if (idents.size() < 3 && ts.peekRune() == ':') {
            parseTokens(Token.COLON, Token.MEASUREMENT);
            idents.add("");
        }
        return switch (idents.size()) {
            case 1 -> new Measurement("", "", idents.get(0), null);
            case 2 -> new Measurement("", idents.get(0), idents.get(1), null);
            default -> new Measurement(idents.get(0), idents.get(1), idents.get(2), null);
        };
    }

    @Override
    SelectStatement parseSubquery() {
        return parseSelect();
    }

    private List<Field> parseFields() {
        List<Field> fields = new ArrayList<>();
        while (true) {
            fields.add(parseField());
            if (ts.scan().tok() != Token.COMMA) {
                ts.unscan();
                return fields;
            }
        }
    }

    private Field parseField() {
        Expr expr = parseRegex();
        if (expr == null) {
            Lexeme start = ts.scanIgnoreWhitespace();
            ts.unscan();
            expr = parseExpr();
            Operator bad = invalidFieldOperator(expr);
            if (bad != null) {
                throw ParseException.plain("invalid operator " + bad.text() + " in SELECT clause at line "
                        + (start.line() + 1) + ", char " + (start.ch() + 1)
                        + "; operator is intended for WHERE clause");
            }
        }
        String alias = null;
        if (accept(Token.AS)) {
            alias = parseIdent();
        }
        ts.consumeWhitespace();
        return new Field(expr, alias);
    }

    /** {@code parseFill}: [option, value]. */
    private Object[] parseFill() {
        Lexeme l = ts.scanIgnoreWhitespace();
        ts.unscan();
        if (l.tok() != Token.IDENT || !l.lit().toLowerCase(Locale.ROOT).equals("fill")) {
            return new Object[] {FillOption.NULL, null};
        }
        Expr e = parseExpr();
        if (!(e instanceof Call call)) {
            throw ParseException.plain("fill must be a function call");
        }
        if (call.args().size() != 1) {
            throw ParseException.plain("fill requires an argument, e.g.: 0, null, none, previous, linear");
        }
        Expr arg = call.args().get(0);
        return switch (arg.toString()) {
            case "null" -> new Object[] {FillOption.NULL, null};
            case "none" -> new Object[] {FillOption.NONE, null};
            case "previous" -> new Object[] {FillOption.PREVIOUS, null};
            case "linear" -> new Object[] {FillOption.LINEAR, null};
            default -> {
                if (arg instanceof IntegerLiteral i) {
                    yield new Object[] {FillOption.NUMBER, i.value()};
                } else if (arg instanceof NumberLiteral n) {
                    yield new Object[] {FillOption.NUMBER, n.value()};
                }
                throw ParseException.plain("expected number argument in fill()");
            }
        };
    }

    /** {@code parseLocation}: {@code tz('Area/City')} or null. */
    private String parseLocation() {
        Lexeme l = ts.scanIgnoreWhitespace();
        ts.unscan();
        if (l.tok() != Token.IDENT || !l.lit().toLowerCase(Locale.ROOT).equals("tz")) {
            return null;
        }
        Expr e = parseExpr();
        if (!(e instanceof Call call)) {
            throw ParseException.plain("tz must be a function call");
        }
        if (call.args().size() != 1) {
            throw ParseException.plain("tz requires exactly one argument");
        }
        if (!(call.args().get(0) instanceof StringLiteral name)) {
            throw ParseException.plain("expected string argument in tz()");
        }
        try {
            ZoneId.of(name.value());
        } catch (DateTimeException ex) {
            throw ParseException.plain("unable to find time zone " + name.value());
        }
        return name.value();
    }

    /** Whether a parsed field is a bare regex (SELECT /re/). */
    static boolean isRegexField(Field f) {
        return f.expr() instanceof RegexLiteral;
    }
}
