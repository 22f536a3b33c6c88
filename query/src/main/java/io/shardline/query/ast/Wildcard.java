package io.shardline.query.ast;

/** {@code *}, {@code *::field} or {@code *::tag}; {@code type} is UNKNOWN, FIELD or TAG. */
public record Wildcard(DataType type) implements Expr {

    public Wildcard {
        if (type == null) {
            type = DataType.UNKNOWN;
        }
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append('*');
        if (type == DataType.FIELD || type == DataType.TAG) {
            out.append("::").append(type.text());
        }
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
