package io.shardline.query.ast;

/** {@code true} or {@code false}. */
public record BooleanLiteral(boolean value) implements Expr {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append(value);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
