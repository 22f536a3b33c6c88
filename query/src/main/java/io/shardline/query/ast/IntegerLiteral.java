package io.shardline.query.ast;

/** An integer literal. */
public record IntegerLiteral(long value) implements Expr {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append(value);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
