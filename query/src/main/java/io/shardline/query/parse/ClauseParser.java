package io.shardline.query.parse;

import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.Dimension;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Measurement;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.RegexLiteral;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.ast.SortField;
import java.util.ArrayList;
import java.util.List;

/** Clauses shared by SELECT and the SHOW/DROP/DELETE statements: sources, WHERE, GROUP BY, ORDER BY. */
class ClauseParser extends ExprParser {

    ClauseParser(TokenStream ts) {
        super(ts);
    }

    /** {@code parseSources}: one or more comma-separated sources. */
    List<Measurement> parseSources(boolean subqueries) {
        List<Measurement> out = new ArrayList<>();
        while (true) {
            out.add(parseSource(subqueries));
            if (ts.scanIgnoreWhitespace().tok() != Token.COMMA) {
                ts.unscan();
                return out;
            }
        }
    }

    /** {@code parseSource}: {@code [db.][rp.]name} or a regex, possibly prefixed by db and rp. */
    Measurement parseSource(boolean subqueries) {
        RegexLiteral re = parseRegex();
        if (re != null) {
            return new Measurement("", "", "", re);
        }
        if (subqueries) {
            if (accept(Token.LPAREN)) {
                parseTokens(Token.SELECT);
                Measurement sub = Measurement.subquery(parseSubquery());
                parseTokens(Token.RPAREN);
                return sub;
            }
        }
        List<String> idents = parseSegmentedIdents();
        if (idents.size() == 3) {
            return new Measurement(idents.get(0), idents.get(1), idents.get(2), null);
        }
        re = parseRegex();
        if (idents.size() == 1) {
            return re != null ? new Measurement("", idents.get(0), "", re)
                    : new Measurement("", "", idents.get(0), null);
        }
        return re != null ? new Measurement(idents.get(0), idents.get(1), "", re)
                : new Measurement("", idents.get(0), idents.get(1), null);
    }

    /** The SELECT statement of a subquery (SELECT already consumed); only SELECT parsers have subqueries. */
    SelectStatement parseSubquery() {
        throw new IllegalStateException("no subqueries outside SELECT");
    }

    /** {@code parseCondition}: {@code WHERE expr} or null. */
    Expr parseCondition() {
        if (!accept(Token.WHERE)) {
            return null;
        }
        return parseExpr();
    }

    /** {@code parseDimensions}: {@code GROUP BY dim, ...} or an empty list. */
    List<Dimension> parseDimensions() {
        if (!accept(Token.GROUP)) {
            return List.of();
        }
        Lexeme by = ts.scanIgnoreWhitespace();
        if (by.tok() != Token.BY) {
            throw ParseException.expected(by, "BY");
        }
        List<Dimension> dims = new ArrayList<>();
        while (true) {
            RegexLiteral re = parseRegex();
            if (re != null) {
                dims.add(new Dimension(re));
            } else {
                dims.add(new Dimension(parseExpr()));
                ts.consumeWhitespace();
            }
            if (ts.scan().tok() != Token.COMMA) {
                ts.unscan();
                return dims;
            }
        }
    }

    /** {@code parseOrderBy}: {@code ORDER BY time [ASC|DESC]} or an empty list. */
    List<SortField> parseOrderBy() {
        if (!accept(Token.ORDER)) {
            return List.of();
        }
        Lexeme by = ts.scanIgnoreWhitespace();
        if (by.tok() != Token.BY) {
            throw ParseException.expected(by, "BY");
        }
        List<SortField> fields = new ArrayList<>();
        Lexeme l = ts.scanIgnoreWhitespace();
        switch (l.tok()) {
            case ASC, DESC -> fields.add(new SortField("", l.tok() == Token.ASC));
            case IDENT -> {
                ts.unscan();
                SortField f = parseSortField();
                if (!l.lit().equals("time")) {
                    throw ParseException.plain("only ORDER BY time supported at this time");
                }
                fields.add(f);
            }
            default -> throw ParseException.expected(l, "identifier", "ASC", "DESC");
        }
        while (true) {
            if (ts.scanIgnoreWhitespace().tok() != Token.COMMA) {
                ts.unscan();
                break;
            }
            fields.add(parseSortField());
        }
        if (fields.size() > 1) {
            throw ParseException.plain("only ORDER BY time supported at this time");
        }
        return fields;
    }

    private SortField parseSortField() {
        String name = parseIdent();
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.ASC && l.tok() != Token.DESC) {
            ts.unscan();
            return new SortField(name, true);
        }
        return new SortField(name, l.tok() == Token.ASC);
    }

    /**
     * The first comparison, regex or logical operator inside a SELECT field (1.x reports the last one its walk
     * finds), or null.
     */
    static Operator invalidFieldOperator(Expr e) {
        Operator[] found = new Operator[1];
        walkInvalid(e, found);
        return found[0];
    }

    private static void walkInvalid(Expr e, Operator[] found) {
        if (e instanceof BinaryExpr b) {
            if (b.op().isComparison() || b.op().isRegex() || b.op().isLogical()) {
                found[0] = b.op();
                return;
            }
            walkInvalid(b.lhs(), found);
            walkInvalid(b.rhs(), found);
        } else if (e instanceof ParenExpr p) {
            walkInvalid(p.expr(), found);
        } else if (e instanceof Call c) {
            for (Expr a : c.args()) {
                walkInvalid(a, found);
            }
        }
    }
}
