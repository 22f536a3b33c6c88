package io.shardline.query.ast;

/** {@code DROP MEASUREMENT name}. */
public record DropMeasurementStatement(String name) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("DROP MEASUREMENT ");
        Idents.appendIdent(out, name);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
