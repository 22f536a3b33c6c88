package io.shardline.query.parse;

import io.shardline.query.ast.Dimension;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.ListLiteral;
import io.shardline.query.ast.Measurement;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.RegexLiteral;
import io.shardline.query.ast.ShowCardinalityStatement;
import io.shardline.query.ast.ShowFieldKeysStatement;
import io.shardline.query.ast.ShowMeasurementsStatement;
import io.shardline.query.ast.ShowRetentionPoliciesStatement;
import io.shardline.query.ast.ShowSeriesStatement;
import io.shardline.query.ast.ShowTagKeysStatement;
import io.shardline.query.ast.ShowTagValuesStatement;
import io.shardline.query.ast.SortField;
import io.shardline.query.ast.Statement;
import io.shardline.query.ast.StringLiteral;
import java.util.List;

/** The supported {@code SHOW} statements; the SHOW keyword (and the following words) are already consumed. */
final class ShowParser extends ClauseParser {

    ShowParser(TokenStream ts) {
        super(ts);
    }

    private String optionalOn() {
        return accept(Token.ON) ? parseIdent() : "";
    }

    private List<Measurement> optionalFrom() {
        return accept(Token.FROM) ? parseSources(false) : List.of();
    }

    ShowRetentionPoliciesStatement retentionPolicies() {
        return new ShowRetentionPoliciesStatement(optionalOn());
    }

    ShowMeasurementsStatement measurements() {
        String db = optionalOn();
        Measurement source = null;
        if (accept(Token.WITH)) {
            parseTokens(Token.MEASUREMENT);
            Lexeme op = ts.scanIgnoreWhitespace();
            if (op.tok() != Token.EQ && op.tok() != Token.EQREGEX) {
                throw ParseException.expected(op, "=", "=~");
            }
            source = parseSource(false);
        }
        Expr cond = parseCondition();
        List<SortField> sort = parseOrderBy();
        int limit = parseOptionalTokenAndInt(Token.LIMIT);
        int offset = parseOptionalTokenAndInt(Token.OFFSET);
        return new ShowMeasurementsStatement(db, source, cond, sort, limit, offset);
    }

    /** {@code SHOW SERIES ...}; {@code EXACT} without CARDINALITY is dropped, as 1.x does. */
    Statement series() {
        boolean exact = accept(Token.EXACT);
        if (accept(Token.CARDINALITY)) {
            return cardinality(ShowCardinalityStatement.Kind.SERIES, exact);
        }
        String db = optionalOn();
        List<Measurement> from = optionalFrom();
        Expr cond = parseCondition();
        List<SortField> sort = parseOrderBy();
        int limit = parseOptionalTokenAndInt(Token.LIMIT);
        int offset = parseOptionalTokenAndInt(Token.OFFSET);
        return new ShowSeriesStatement(db, from, cond, sort, limit, offset);
    }

    ShowTagKeysStatement tagKeys() {
        String db = optionalOn();
        List<Measurement> from = optionalFrom();
        Expr cond = parseCondition();
        List<SortField> sort = parseOrderBy();
        int limit = parseOptionalTokenAndInt(Token.LIMIT);
        int offset = parseOptionalTokenAndInt(Token.OFFSET);
        int slimit = parseOptionalTokenAndInt(Token.SLIMIT);
        int soffset = parseOptionalTokenAndInt(Token.SOFFSET);
        return new ShowTagKeysStatement(db, from, cond, sort, limit, offset, slimit, soffset);
    }

    Statement tagValues() {
        Lexeme first = ts.scanIgnoreWhitespace();
        if (first.tok() == Token.EXACT) {
            expectCardinality(List.of("CARDINALITY"));
            return cardinality(ShowCardinalityStatement.Kind.TAG_VALUES, true);
        } else if (first.tok() == Token.CARDINALITY) {
            return cardinality(ShowCardinalityStatement.Kind.TAG_VALUES, false);
        }
        ts.unscan();
        String db = optionalOn();
        List<Measurement> from = optionalFrom();
        TagKeyExpr key = parseTagKeyExpr();
        Expr cond = parseCondition();
        List<SortField> sort = parseOrderBy();
        int limit = parseOptionalTokenAndInt(Token.LIMIT);
        int offset = parseOptionalTokenAndInt(Token.OFFSET);
        return new ShowTagValuesStatement(db, from, key.op(), key.expr(), cond, sort, limit, offset);
    }

    /** The operator and operand of {@code WITH KEY ...}. */
    private record TagKeyExpr(Operator op, Expr expr) {
    }

    private TagKeyExpr parseTagKeyExpr() {
        parseTokens(Token.WITH, Token.KEY);
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() == Token.IN) {
            Lexeme lp = ts.scanIgnoreWhitespace();
            if (lp.tok() != Token.LPAREN) {
                throw ParseException.expected(lp, "(");
            }
            List<String> keys = parseIdentList();
            Lexeme rp = ts.scanIgnoreWhitespace();
            if (rp.tok() != Token.RPAREN) {
                throw ParseException.expected(rp, ")");
            }
            return new TagKeyExpr(Operator.IN, new ListLiteral(keys));
        } else if (l.tok() == Token.EQ || l.tok() == Token.NEQ) {
            return new TagKeyExpr(l.tok().operator(), new StringLiteral(parseIdent()));
        } else if (l.tok() == Token.EQREGEX || l.tok() == Token.NEQREGEX) {
            RegexLiteral re = parseRegex();
            if (re == null) {
                throw ParseException.expected(ts.scanIgnoreWhitespace(), "regex");
            }
            return new TagKeyExpr(l.tok().operator(), re);
        }
        throw ParseException.expected(l, "IN", "=", "=~");
    }

    /** After {@code SHOW TAG KEY} or {@code SHOW FIELD KEY}: {@code [EXACT] CARDINALITY ...}. */
    ShowCardinalityStatement keyCardinality(ShowCardinalityStatement.Kind kind) {
        boolean exact = accept(Token.EXACT);
        expectCardinality(exact ? List.of("CARDINALITY") : List.of("EXACT", "CARDINALITY"));
        return cardinality(kind, exact);
    }

    /** After {@code SHOW MEASUREMENT EXACT} (then CARDINALITY is required) or {@code SHOW MEASUREMENT CARDINALITY}. */
    ShowCardinalityStatement measurementCardinality(boolean exact) {
        if (exact) {
            expectCardinality(List.of("CARDINALITY"));
        }
        return cardinality(ShowCardinalityStatement.Kind.MEASUREMENT, exact);
    }

    private void expectCardinality(List<String> expected) {
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.CARDINALITY) {
            throw ParseException.expected(Token.tokstr(l.tok(), l.lit()), expected, l.line(), l.ch());
        }
    }

    /** The clauses after {@code ... CARDINALITY}. */
    private ShowCardinalityStatement cardinality(ShowCardinalityStatement.Kind kind, boolean exact) {
        String db = optionalOn();
        List<Measurement> from = optionalFrom();
        TagKeyExpr key = kind == ShowCardinalityStatement.Kind.TAG_VALUES ? parseTagKeyExpr()
                : new TagKeyExpr(null, null);
        Expr cond = parseCondition();
        List<Dimension> dims = parseDimensions();
        int limit = parseOptionalTokenAndInt(Token.LIMIT);
        int offset = parseOptionalTokenAndInt(Token.OFFSET);
        return new ShowCardinalityStatement(kind, exact, db, from, key.op(), key.expr(), cond, dims, limit, offset);
    }

    ShowFieldKeysStatement fieldKeys() {
        String db = "";
        if (accept(Token.ON)) {
            // 1.x ignores a missing database name here (the error is dropped); so do we.
            Lexeme l = ts.scanIgnoreWhitespace();
            db = l.tok() == Token.IDENT ? l.lit() : "";
        }
        List<Measurement> from = optionalFrom();
        List<SortField> sort = parseOrderBy();
        int limit = parseOptionalTokenAndInt(Token.LIMIT);
        int offset = parseOptionalTokenAndInt(Token.OFFSET);
        return new ShowFieldKeysStatement(db, from, sort, limit, offset);
    }
}
