package io.shardline.query.ast;

/** {@code CREATE USER name WITH PASSWORD 'pw' [WITH ALL PRIVILEGES]}; the password never appears in the text. */
public record CreateUserStatement(String name, String password, boolean admin) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("CREATE USER ");
        Idents.appendIdent(out, name);
        out.append(" WITH PASSWORD [REDACTED]");
        if (admin) {
            out.append(" WITH ALL PRIVILEGES");
        }
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
