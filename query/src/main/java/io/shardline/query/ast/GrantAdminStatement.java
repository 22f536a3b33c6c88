package io.shardline.query.ast;

/** {@code GRANT ALL [PRIVILEGES] TO user}: makes the user an admin. */
public record GrantAdminStatement(String user) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("GRANT ALL PRIVILEGES TO ");
        Idents.appendIdent(out, user);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
