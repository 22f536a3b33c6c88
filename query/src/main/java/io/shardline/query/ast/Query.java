package io.shardline.query.ast;

import java.util.List;

/** A parsed query: its statements in order. Renders as 1.x does, statements joined by {@code ";\n"}. */
public record Query(List<Statement> statements) implements Node {

    public Query {
        statements = List.copyOf(statements);
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        for (int i = 0; i < statements.size(); i++) {
            if (i > 0) {
                out.append(";\n");
            }
            statements.get(i).appendTo(out, exact);
        }
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
