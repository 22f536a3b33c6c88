package io.shardline.query.parse;

import io.shardline.query.ast.Expr;
import io.shardline.query.ast.ListLiteral;
import io.shardline.query.ast.Measurement;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.RegexLiteral;
import io.shardline.query.ast.ShowFieldKeysStatement;
import io.shardline.query.ast.ShowMeasurementsStatement;
import io.shardline.query.ast.ShowRetentionPoliciesStatement;
import io.shardline.query.ast.ShowSeriesStatement;
import io.shardline.query.ast.ShowTagKeysStatement;
import io.shardline.query.ast.ShowTagValuesStatement;
import io.shardline.query.ast.SortField;
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

    ShowSeriesStatement series(Lexeme start) {
        rejectCardinality(start, "SHOW SERIES");
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

    ShowTagValuesStatement tagValues(Lexeme start) {
        rejectCardinality(start, "SHOW TAG VALUES");
        String db = optionalOn();
        List<Measurement> from = optionalFrom();
        parseTokens(Token.WITH, Token.KEY);
        Lexeme l = ts.scanIgnoreWhitespace();
        Operator op;
        Expr keyExpr;
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
            op = Operator.IN;
            keyExpr = new ListLiteral(keys);
        } else if (l.tok() == Token.EQ || l.tok() == Token.NEQ) {
            op = l.tok().operator();
            keyExpr = new StringLiteral(parseIdent());
        } else if (l.tok() == Token.EQREGEX || l.tok() == Token.NEQREGEX) {
            RegexLiteral re = parseRegex();
            if (re == null) {
                throw ParseException.expected(ts.scanIgnoreWhitespace(), "regex");
            }
            op = l.tok().operator();
            keyExpr = re;
        } else {
            throw ParseException.expected(l, "IN", "=", "=~");
        }
        Expr cond = parseCondition();
        List<SortField> sort = parseOrderBy();
        int limit = parseOptionalTokenAndInt(Token.LIMIT);
        int offset = parseOptionalTokenAndInt(Token.OFFSET);
        return new ShowTagValuesStatement(db, from, op, keyExpr, cond, sort, limit, offset);
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

    private void rejectCardinality(Lexeme start, String what) {
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() == Token.EXACT || l.tok() == Token.CARDINALITY) {
            throw ParseException.at(what + " CARDINALITY is not supported by Shardline", start.line(),
                    start.ch());
        }
        ts.unscan();
    }
}
