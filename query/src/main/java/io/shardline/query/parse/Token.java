package io.shardline.query.parse;

import io.shardline.query.ast.Operator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** InfluxQL lexical tokens with the text 1.x prints for them in parse errors. */
enum Token {
    ILLEGAL("ILLEGAL"), EOF("EOF"), WS("WS"), COMMENT(""),
    IDENT("IDENT"), BOUNDPARAM(""), NUMBER("NUMBER"), INTEGER(""), DURATIONVAL("DURATIONVAL"), STRING("STRING"),
    BADSTRING("BADSTRING"), BADESCAPE("BADESCAPE"), TRUE("TRUE"), FALSE("FALSE"), REGEX("REGEX"), BADREGEX(""),
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), BITWISE_AND("&"), BITWISE_OR("|"), BITWISE_XOR("^"),
    AND("AND"), OR("OR"), IN("IN"),
    EQ("="), NEQ("!="), EQREGEX("=~"), NEQREGEX("!~"), LT("<"), LTE("<="), GT(">"), GTE(">="),
    LPAREN("("), RPAREN(")"), COMMA(","), COLON(":"), DOUBLECOLON("::"), SEMICOLON(";"), DOT("."),
    ALL, ALTER, ANALYZE, ANY, AS, ASC, BEGIN, BY, CARDINALITY, CREATE, CONTINUOUS, DATABASE, DATABASES, DEFAULT,
    DELETE, DESC, DESTINATIONS, DIAGNOSTICS, DISTINCT, DROP, DURATION, END, EVERY, EXACT, EXPLAIN, FIELD, FOR,
    FROM, GRANT, GRANTS, GROUP, GROUPS, INF, INSERT, INTO, KEY, KEYS, KILL, LIMIT, MEASUREMENT, MEASUREMENTS,
    NAME, OFFSET, ON, ORDER, PASSWORD, POLICY, POLICIES, PRIVILEGES, QUERIES, QUERY, READ, REPLICATION,
    RESAMPLE, RETENTION, REVOKE, SELECT, SERIES, SET, SHOW, SHARD, SHARDS, SLIMIT, SOFFSET, STATS,
    SUBSCRIPTION, SUBSCRIPTIONS, TAG, TO, USER, USERS, VALUES, WHERE, WITH, WRITE;

    private static final Map<String, Token> KEYWORDS = new HashMap<>();

    static {
        for (Token t : values()) {
            if (t.ordinal() >= ALL.ordinal()) {
                KEYWORDS.put(t.name().toLowerCase(Locale.ROOT), t);
            }
        }
        KEYWORDS.put("and", AND);
        KEYWORDS.put("or", OR);
        KEYWORDS.put("in", IN);
        KEYWORDS.put("true", TRUE);
        KEYWORDS.put("false", FALSE);
    }

    private final String text;

    Token() {
        this.text = name();
    }

    Token(String text) {
        this.text = text;
    }

    /** The 1.x {@code Token.String()}. */
    String text() {
        return text;
    }

    /** The keyword token for {@code ident} (any case), or IDENT. */
    static Token lookup(String ident) {
        return KEYWORDS.getOrDefault(ident.toLowerCase(Locale.ROOT), IDENT);
    }

    /** Whether this token is a binary operator. */
    boolean isOperator() {
        return ordinal() >= ADD.ordinal() && ordinal() <= GTE.ordinal();
    }

    /** The AST operator of an operator token. */
    Operator operator() {
        return Operator.valueOf(name());
    }

    /** {@code tokstr}: the literal if any, else the token's text. */
    static String tokstr(Token tok, String lit) {
        return lit != null && !lit.isEmpty() ? lit : tok.text;
    }
}
