package io.shardline.query.ast;

/** {@code SET PASSWORD FOR name = 'pw'}; the password never appears in the text. */
public record SetPasswordUserStatement(String name, String password) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SET PASSWORD FOR ");
        Idents.appendIdent(out, name);
        out.append(" = [REDACTED]");
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
