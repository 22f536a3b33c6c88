package io.shardline.query.ast;

/** {@code SHOW DATABASES}. */
public record ShowDatabasesStatement() implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW DATABASES");
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
