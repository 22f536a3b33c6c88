package io.shardline.query.ast;

/** An InfluxQL expression: field and tag references, calls, operators and literals. Immutable. */
public sealed interface Expr extends Node permits VarRef, Call, BinaryExpr, ParenExpr, Distinct, Wildcard,
        NumberLiteral, IntegerLiteral, UnsignedLiteral, StringLiteral, BooleanLiteral, DurationLiteral,
        TimeLiteral, RegexLiteral, NilLiteral, ListLiteral {

    /** Whether this is a literal value (numbers, strings, booleans, durations, times, regexes, lists, nil). */
    default boolean isLiteral() {
        return !(this instanceof VarRef || this instanceof Call || this instanceof BinaryExpr
                || this instanceof ParenExpr || this instanceof Distinct || this instanceof Wildcard);
    }
}
