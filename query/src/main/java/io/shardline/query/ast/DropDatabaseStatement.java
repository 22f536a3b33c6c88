package io.shardline.query.ast;

/** {@code DROP DATABASE name}. */
public record DropDatabaseStatement(String name) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("DROP DATABASE ");
        Idents.appendIdent(out, name);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
