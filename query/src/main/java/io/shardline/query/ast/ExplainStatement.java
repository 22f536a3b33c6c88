package io.shardline.query.ast;

/** {@code EXPLAIN [ANALYZE] SELECT ...}. */
public record ExplainStatement(SelectStatement statement, boolean analyze) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append(analyze ? "EXPLAIN ANALYZE " : "EXPLAIN ");
        statement.appendTo(out, exact);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
