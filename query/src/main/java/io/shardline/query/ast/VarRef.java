package io.shardline.query.ast;

/** A reference to a field or tag, optionally cast ({@code value::float}, {@code host::tag}). */
public record VarRef(String name, DataType type) implements Expr {

    public VarRef {
        if (type == null) {
            type = DataType.UNKNOWN;
        }
    }

    /** An uncast reference. */
    public static VarRef of(String name) {
        return new VarRef(name, DataType.UNKNOWN);
    }

    /** Whether this is the {@code time} pseudo-field (any case). */
    public boolean isTime() {
        return name.equalsIgnoreCase("time");
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        Idents.appendIdent(out, name);
        if (type != DataType.UNKNOWN) {
            out.append("::").append(type.text());
        }
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
