package io.shardline.query.ast;

/** {@code lhs op rhs}. */
public record BinaryExpr(Operator op, Expr lhs, Expr rhs) implements Expr {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        lhs.appendTo(out, exact);
        out.append(' ').append(op.text()).append(' ');
        rhs.appendTo(out, exact);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
