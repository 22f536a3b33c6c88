package io.shardline.query.ast;

/** One item of the SELECT list, with its optional {@code AS} alias (null when absent). */
public record Field(Expr expr, String alias) implements Node {

    /** A field without alias. */
    public static Field of(Expr expr) {
        return new Field(expr, null);
    }

    /** Whether an alias was given. */
    public boolean hasAlias() {
        return alias != null && !alias.isEmpty();
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        expr.appendTo(out, exact);
        if (hasAlias()) {
            out.append(" AS ");
            Idents.appendIdent(out, alias);
        }
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
