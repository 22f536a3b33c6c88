package io.shardline.query.ast;

/** {@code SHOW CONTINUOUS QUERIES}. */
public record ShowContinuousQueriesStatement() implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW CONTINUOUS QUERIES");
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
