package io.shardline.query.ast;

/** A single-quoted string literal. */
public record StringLiteral(String value) implements Expr {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append(Idents.quoteString(value));
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
