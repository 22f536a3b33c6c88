package io.shardline.query.ast;

/** Binary operators with their InfluxQL spelling and 1.x precedence (higher binds tighter). */
public enum Operator {
    ADD("+", 4), SUB("-", 4), MUL("*", 5), DIV("/", 5), MOD("%", 5),
    BITWISE_AND("&", 5), BITWISE_OR("|", 4), BITWISE_XOR("^", 4),
    AND("AND", 2), OR("OR", 1), IN("IN", 3),
    EQ("=", 3), NEQ("!=", 3), EQREGEX("=~", 3), NEQREGEX("!~", 3),
    LT("<", 3), LTE("<=", 3), GT(">", 3), GTE(">=", 3);

    private final String text;
    private final int precedence;

    Operator(String text, int precedence) {
        this.text = text;
        this.precedence = precedence;
    }

    /** How 1.x prints the operator, e.g. {@code =~} or {@code AND}. */
    public String text() {
        return text;
    }

    /** 1 for OR up to 5 for multiplicative operators. */
    public int precedence() {
        return precedence;
    }

    /** {@code = != < <= > >=}. */
    public boolean isComparison() {
        return this == EQ || this == NEQ || this == LT || this == LTE || this == GT || this == GTE;
    }

    /** {@code =~ !~}. */
    public boolean isRegex() {
        return this == EQREGEX || this == NEQREGEX;
    }

    /** {@code AND OR}. */
    public boolean isLogical() {
        return this == AND || this == OR;
    }

    /** {@code + - * / % & | ^}. */
    public boolean isArithmetic() {
        return precedence >= 4;
    }

    @Override
    public String toString() {
        return text;
    }
}
