package io.shardline.query.ast;

/** The absent value produced while reducing expressions; never parsed. */
public record NilLiteral() implements Expr {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("nil");
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
