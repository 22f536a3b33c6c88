package io.shardline.query.ast;

/** {@code DROP RETENTION POLICY rp ON db}. */
public record DropRetentionPolicyStatement(String name, String database) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("DROP RETENTION POLICY ");
        Idents.appendIdent(out, name);
        out.append(" ON ");
        Idents.appendIdent(out, database);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
