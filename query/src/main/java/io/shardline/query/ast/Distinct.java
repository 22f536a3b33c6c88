package io.shardline.query.ast;

/** The keyword form {@code DISTINCT field} (the compiler treats it as {@code distinct(field)}). */
public record Distinct(String name) implements Expr {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("DISTINCT ").append(name);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
