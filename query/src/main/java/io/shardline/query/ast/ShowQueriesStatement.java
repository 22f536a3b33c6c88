package io.shardline.query.ast;

/** {@code SHOW QUERIES}: the queries running on every data node. */
public record ShowQueriesStatement() implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW QUERIES");
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
