package io.shardline.query.ast;

/** {@code SHOW GRANTS FOR user}. */
public record ShowGrantsForUserStatement(String name) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW GRANTS FOR ");
        Idents.appendIdent(out, name);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
