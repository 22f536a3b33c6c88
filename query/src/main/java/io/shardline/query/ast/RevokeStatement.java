package io.shardline.query.ast;

import io.shardline.common.auth.Privilege;

/** {@code REVOKE READ|WRITE|ALL [PRIVILEGES] ON db FROM user}. */
public record RevokeStatement(Privilege privilege, String database, String user) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("REVOKE ").append(privilege.text()).append(" ON ");
        Idents.appendIdent(out, database);
        out.append(" FROM ");
        Idents.appendIdent(out, user);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
