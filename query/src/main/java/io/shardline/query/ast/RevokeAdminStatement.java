package io.shardline.query.ast;

/** {@code REVOKE ALL [PRIVILEGES] FROM user}: the user is no longer an admin. */
public record RevokeAdminStatement(String user) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("REVOKE ALL PRIVILEGES FROM ");
        Idents.appendIdent(out, user);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
