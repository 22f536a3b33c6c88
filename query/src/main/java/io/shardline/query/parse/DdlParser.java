package io.shardline.query.parse;

import io.shardline.query.ast.AlterRetentionPolicyStatement;
import io.shardline.query.ast.CreateDatabaseStatement;
import io.shardline.query.ast.CreateRetentionPolicyStatement;
import io.shardline.query.ast.DeleteSeriesStatement;
import io.shardline.query.ast.DropRetentionPolicyStatement;
import io.shardline.query.ast.DropSeriesStatement;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Measurement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** CREATE/ALTER/DROP and DELETE statements; the leading keywords are already consumed. */
final class DdlParser extends ClauseParser {

    DdlParser(TokenStream ts) {
        super(ts);
    }

    CreateDatabaseStatement createDatabase() {
        String name = parseIdent();
        if (!accept(Token.WITH)) {
            return CreateDatabaseStatement.named(name);
        }
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.DURATION && l.tok() != Token.NAME && l.tok() != Token.REPLICATION
                && l.tok() != Token.SHARD) {
            throw ParseException.expected(l, "DURATION", "NAME", "REPLICATION", "SHARD");
        }
        ts.unscan();
        Long duration = accept(Token.DURATION) ? parseDuration() : null;
        Integer replication = accept(Token.REPLICATION) ? parseInt(1, Integer.MAX_VALUE) : null;
        long shard = 0;
        if (accept(Token.SHARD)) {
            Lexeme d = ts.scanIgnoreWhitespace();
            if (d.tok() != Token.DURATION) {
                throw ParseException.expected(d, "DURATION");
            }
            shard = parseShardDuration();
        }
        String rpName = accept(Token.NAME) ? parseIdent() : "";
        return new CreateDatabaseStatement(name, true, duration, replication, shard, rpName);
    }

    CreateRetentionPolicyStatement createRetentionPolicy() {
        String name = parseIdent();
        expect(Token.ON);
        String db = parseIdent();
        expect(Token.DURATION);
        long duration = parseDuration();
        expect(Token.REPLICATION);
        int replication = parseInt(1, Integer.MAX_VALUE);
        long shard = 0;
        if (accept(Token.SHARD)) {
            expect(Token.DURATION);
            shard = parseShardDuration();
        }
        boolean isDefault = accept(Token.DEFAULT);
        return new CreateRetentionPolicyStatement(name, db, duration, replication, shard, isDefault);
    }

    AlterRetentionPolicyStatement alterRetentionPolicy() {
        Lexeme n = ts.scanIgnoreWhitespace();
        String name;
        if (n.tok() == Token.DEFAULT) {
            name = "default";
        } else if (n.tok() == Token.IDENT) {
            name = n.lit();
        } else {
            throw ParseException.expected(n, "identifier");
        }
        expect(Token.ON);
        String db = parseIdent();
        Long duration = null;
        Integer replication = null;
        Long shard = null;
        boolean isDefault = false;
        Set<Token> found = EnumSet.noneOf(Token.class);
        while (true) {
            Lexeme l = ts.scanIgnoreWhitespace();
            if (found.contains(l.tok())) {
                throw ParseException.at("found duplicate " + l.tok().text() + " option", l.line(), l.ch());
            }
            switch (l.tok()) {
                case DURATION -> duration = parseDuration();
                case REPLICATION -> replication = parseInt(1, Integer.MAX_VALUE);
                case SHARD -> {
                    expect(Token.DURATION);
                    shard = parseShardDuration();
                }
                case DEFAULT -> isDefault = true;
                default -> {
                    if (found.isEmpty()) {
                        throw ParseException.expected(l, "DURATION", "REPLICATION", "SHARD", "DEFAULT");
                    }
                    ts.unscan();
                    return new AlterRetentionPolicyStatement(name, db, duration, replication, shard, isDefault);
                }
            }
            found.add(l.tok());
        }
    }

    DropRetentionPolicyStatement dropRetentionPolicy() {
        String name = parseIdent();
        expect(Token.ON);
        return new DropRetentionPolicyStatement(name, parseIdent());
    }

    DropSeriesStatement dropSeries() {
        Lexeme first = ts.scanIgnoreWhitespace();
        List<Measurement> from = List.of();
        if (first.tok() == Token.FROM) {
            from = parseSources(false);
            checkNoDatabase(from, true);
        } else {
            ts.unscan();
        }
        Expr cond = parseCondition();
        if (cond == null && from.isEmpty()) {
            throw ParseException.expected(first, "FROM", "WHERE");
        }
        return new DropSeriesStatement(from, cond);
    }

    DeleteSeriesStatement delete() {
        Lexeme first = ts.scanIgnoreWhitespace();
        List<Measurement> from = List.of();
        if (first.tok() == Token.FROM) {
            from = parseSources(false);
            checkNoDatabase(from, false);
        } else {
            ts.unscan();
        }
        Expr cond = parseCondition();
        if (cond == null && from.isEmpty()) {
            throw ParseException.expected(first, "FROM", "WHERE");
        }
        return new DeleteSeriesStatement(from, cond);
    }

    private static void checkNoDatabase(List<Measurement> from, boolean alsoRetentionPolicy) {
        String error = null;
        for (Measurement m : from) {
            if (!m.database().isEmpty()) {
                error = "database not supported";
            }
            if (alsoRetentionPolicy && !m.retentionPolicy().isEmpty()) {
                error = "retention policy not supported";
            }
        }
        if (error != null) {
            throw ParseException.at(error, 0, 0);
        }
    }

    private void expect(Token t) {
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != t) {
            throw ParseException.expected(l, t.text());
        }
    }
}
