package io.shardline.query.ast;

/** {@code DROP USER name}. */
public record DropUserStatement(String name) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("DROP USER ");
        Idents.appendIdent(out, name);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
