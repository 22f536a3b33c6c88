package io.shardline.query.ast;

import io.shardline.common.auth.Privilege;

/** {@code GRANT READ|WRITE|ALL [PRIVILEGES] ON db TO user}. */
public record GrantStatement(Privilege privilege, String database, String user) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("GRANT ").append(privilege.text()).append(" ON ");
        Idents.appendIdent(out, database);
        out.append(" TO ");
        Idents.appendIdent(out, user);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
