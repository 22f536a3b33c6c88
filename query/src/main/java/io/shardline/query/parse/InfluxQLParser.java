package io.shardline.query.parse;

import io.shardline.query.ast.DropDatabaseStatement;
import io.shardline.query.ast.DropMeasurementStatement;
import io.shardline.query.ast.DropUserStatement;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Query;
import io.shardline.query.ast.ExplainStatement;
import io.shardline.query.ast.ShowCardinalityStatement;
import io.shardline.query.ast.ShowContinuousQueriesStatement;
import io.shardline.query.ast.ShowDatabasesStatement;
import io.shardline.query.ast.ShowQueriesStatement;
import io.shardline.query.ast.ShowShardGroupsStatement;
import io.shardline.query.ast.ShowGrantsForUserStatement;
import io.shardline.query.ast.ShowShardsStatement;
import io.shardline.query.ast.ShowUsersStatement;
import io.shardline.query.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the InfluxQL parser: a hand-written recursive-descent port of 1.x's parser, so that every error
 * text and position matches ({@code found X, expected Y at line L, char C}). Statements 1.x knows but Shardline
 * does not support fail with {@code <STATEMENT> is not supported by Shardline at line L, char C}. Stateless;
 * each call uses its own scanner.
 */
public final class InfluxQLParser {

    private static final List<String> TOP = List.of("SELECT", "DELETE", "SHOW", "CREATE", "DROP", "EXPLAIN",
            "GRANT", "REVOKE", "ALTER", "SET", "KILL");
    private static final List<String> SHOW = List.of("CONTINUOUS", "DATABASES", "DIAGNOSTICS", "FIELD", "GRANTS",
            "MEASUREMENT", "MEASUREMENTS", "QUERIES", "RETENTION", "SERIES", "SHARD", "SHARDS", "STATS",
            "SUBSCRIPTIONS", "TAG", "USERS");
    private static final List<String> CREATE = List.of("CONTINUOUS", "DATABASE", "USER", "RETENTION",
            "SUBSCRIPTION");
    private static final List<String> DROP = List.of("CONTINUOUS", "DATABASE", "MEASUREMENT", "RETENTION",
            "SERIES", "SHARD", "SUBSCRIPTION", "USER");

    private final TokenStream ts;
    private final SelectParser select;
    private final ShowParser show;
    private final DdlParser ddl;
    private final UserParser users;

    private InfluxQLParser(String text, Map<String, Object> params) {
        this.ts = new TokenStream(text, params);
        this.select = new SelectParser(ts);
        this.show = new ShowParser(ts);
        this.ddl = new DdlParser(ts);
        this.users = new UserParser(ts);
    }

    /** Parses a query of statements separated by {@code ;}. */
    public static Query parseQuery(String text) {
        return parseQuery(text, Map.of());
    }

    /**
     * Parses a query with bound parameters ({@code $name}) taken from {@code params}: String, Long/Integer,
     * Double, Boolean, or a one-entry map {@code {"identifier"|"regex"|"duration"|"string"|"integer"|"number": v}}.
     *
     * @throws ParseException with the exact 1.x message
     */
    public static Query parseQuery(String text, Map<String, Object> params) {
        return new InfluxQLParser(text, params).query();
    }

    /** Parses exactly one statement (trailing text is not checked, as in 1.x's {@code ParseStatement}). */
    public static Statement parseStatement(String text) {
        return new InfluxQLParser(text, Map.of()).statement();
    }

    /** Parses one expression, e.g. a WHERE condition shipped as text. */
    public static Expr parseExpr(String text) {
        return new InfluxQLParser(text, Map.of()).select.parseExpr();
    }

    private Query query() {
        List<Statement> statements = new ArrayList<>();
        boolean semi = true;
        while (true) {
            Lexeme l = ts.scanIgnoreWhitespace();
            if (l.tok() == Token.EOF) {
                return new Query(statements);
            } else if (l.tok() == Token.SEMICOLON) {
                semi = true;
            } else {
                if (!semi) {
                    throw ParseException.expected(l, ";");
                }
                ts.unscan();
                statements.add(statement());
                semi = false;
            }
        }
    }

    private Statement statement() {
        Lexeme l = ts.scanIgnoreWhitespace();
        return switch (l.tok()) {
            case SELECT -> select.parseSelect();
            case DELETE -> ddl.delete();
            case SHOW -> show(l);
            case CREATE -> create(l);
            case DROP -> drop(l);
            case ALTER -> {
                next(l, List.of("RETENTION"), Token.RETENTION);
                next(l, List.of("POLICY"), Token.POLICY);
                yield ddl.alterRetentionPolicy();
            }
            case GRANT -> users.grant();
            case REVOKE -> users.revoke();
            case EXPLAIN -> {
                boolean analyze = ts.scanIgnoreWhitespace().tok() == Token.ANALYZE;
                if (!analyze) {
                    ts.unscan();
                }
                next(l, List.of("SELECT"), Token.SELECT);
                yield new ExplainStatement(select.parseSelect(), analyze);
            }
            case SET -> {
                next(l, List.of("PASSWORD"), Token.PASSWORD);
                next(l, List.of("FOR"), Token.FOR);
                yield users.setPassword();
            }
            case KILL -> {
                next(l, List.of("QUERY"), Token.QUERY);
                yield new AdminParser(ts).killQuery();
            }
            default -> throw ParseException.expected(Token.tokstr(l.tok(), l.lit()), TOP, l.line(), l.ch());
        };
    }

    private Statement show(Lexeme start) {
        Lexeme l = ts.scanIgnoreWhitespace();
        return switch (l.tok()) {
            case DATABASES -> new ShowDatabasesStatement();
            case MEASUREMENTS -> show.measurements();
            case RETENTION -> {
                next(start, List.of("POLICIES"), Token.POLICIES);
                yield show.retentionPolicies();
            }
            case SERIES -> show.series();
            case SHARDS -> new ShowShardsStatement();
            case SHARD -> {
                next(start, List.of("GROUPS"), Token.GROUPS);
                yield new ShowShardGroupsStatement();
            }
            case FIELD -> {
                Token t = next(start, List.of("KEY", "KEYS"), Token.KEY, Token.KEYS);
                yield t == Token.KEY ? show.keyCardinality(ShowCardinalityStatement.Kind.FIELD_KEY) : show.fieldKeys();
            }
            case TAG -> {
                Token t = next(start, List.of("KEY", "KEYS", "VALUES"), Token.KEY, Token.KEYS, Token.VALUES);
                if (t == Token.KEY) {
                    yield show.keyCardinality(ShowCardinalityStatement.Kind.TAG_KEY);
                }
                yield t == Token.KEYS ? show.tagKeys() : show.tagValues();
            }
            case MEASUREMENT -> {
                Token t = next(start, List.of("EXACT", "CARDINALITY"), Token.EXACT, Token.CARDINALITY);
                yield show.measurementCardinality(t == Token.EXACT);
            }
            case CONTINUOUS -> {
                next(start, List.of("QUERIES"), Token.QUERIES);
                yield new ShowContinuousQueriesStatement();
            }
            case GRANTS -> {
                next(start, List.of("FOR"), Token.FOR);
                yield new ShowGrantsForUserStatement(ddl.parseIdent());
            }
            case USERS -> new ShowUsersStatement();
            case QUERIES -> new ShowQueriesStatement();
            case STATS -> new MonitorParser(ts).stats();
            case DIAGNOSTICS -> new MonitorParser(ts).diagnostics();
            case SUBSCRIPTIONS -> throw unsupported(start,
                    "SHOW " + l.tok().text());
            default -> throw ParseException.expected(Token.tokstr(l.tok(), l.lit()), SHOW, l.line(), l.ch());
        };
    }

    private Statement create(Lexeme start) {
        Lexeme l = ts.scanIgnoreWhitespace();
        return switch (l.tok()) {
            case DATABASE -> ddl.createDatabase();
            case RETENTION -> {
                next(start, List.of("POLICY"), Token.POLICY);
                yield ddl.createRetentionPolicy();
            }
            case CONTINUOUS -> {
                next(start, List.of("QUERY"), Token.QUERY);
                yield new ContinuousQueryParser(ts, select).create();
            }
            case USER -> users.createUser();
            case SUBSCRIPTION -> throw unsupported(start, "CREATE " + l.tok().text());
            default -> throw ParseException.expected(Token.tokstr(l.tok(), l.lit()), CREATE, l.line(), l.ch());
        };
    }

    private Statement drop(Lexeme start) {
        Lexeme l = ts.scanIgnoreWhitespace();
        return switch (l.tok()) {
            case DATABASE -> new DropDatabaseStatement(ddl.parseIdent());
            case MEASUREMENT -> new DropMeasurementStatement(ddl.parseIdent());
            case RETENTION -> {
                next(start, List.of("POLICY"), Token.POLICY);
                yield ddl.dropRetentionPolicy();
            }
            case SERIES -> ddl.dropSeries();
            case CONTINUOUS -> {
                next(start, List.of("QUERY"), Token.QUERY);
                yield new ContinuousQueryParser(ts, select).drop();
            }
            case USER -> new DropUserStatement(ddl.parseIdent());
            case SHARD, SUBSCRIPTION -> throw unsupported(start, "DROP " + l.tok().text());
            default -> throw ParseException.expected(Token.tokstr(l.tok(), l.lit()), DROP, l.line(), l.ch());
        };
    }

    /** Consumes one of {@code allowed} (a parse-tree step) or fails listing {@code keys}. */
    private Token next(Lexeme start, List<String> keys, Token... allowed) {
        Lexeme l = ts.scanIgnoreWhitespace();
        for (Token t : allowed) {
            if (l.tok() == t) {
                return t;
            }
        }
        throw ParseException.expected(Token.tokstr(l.tok(), l.lit()), keys, l.line(), l.ch());
    }

    private static ParseException unsupported(Lexeme start, String what) {
        return ParseException.at(what + " is not supported by Shardline", start.line(), start.ch());
    }
}
