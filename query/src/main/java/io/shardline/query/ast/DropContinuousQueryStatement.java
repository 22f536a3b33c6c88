package io.shardline.query.ast;

/** {@code DROP CONTINUOUS QUERY name ON db}. */
public record DropContinuousQueryStatement(String name, String database) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("DROP CONTINUOUS QUERY ");
        Idents.appendIdent(out, name);
        out.append(" ON ");
        Idents.appendIdent(out, database);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
