package io.shardline.query.ast;

/** {@code SHOW RETENTION POLICIES [ON db]}; {@code database} is empty when not given. */
public record ShowRetentionPoliciesStatement(String database) implements Statement {

    public ShowRetentionPoliciesStatement {
        database = database == null ? "" : database;
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW RETENTION POLICIES");
        Nodes.on(out, database);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
