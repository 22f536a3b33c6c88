package io.shardline.query.ast;

/** An integer literal above int64's range, held as unsigned bits. */
public record UnsignedLiteral(long bits) implements Expr {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append(Long.toUnsignedString(bits));
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
