package io.shardline.query.ast;

/** A parenthesised expression. */
public record ParenExpr(Expr expr) implements Expr {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append('(');
        expr.appendTo(out, exact);
        out.append(')');
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
