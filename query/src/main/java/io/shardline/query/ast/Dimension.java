package io.shardline.query.ast;

/** One GROUP BY item: {@code time(...)}, a tag reference, {@code *} or a regex. */
public record Dimension(Expr expr) implements Node {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        expr.appendTo(out, exact);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
