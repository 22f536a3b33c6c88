package io.shardline.query.ast;

import io.shardline.query.value.Rfc3339;

/** A point in time (nanoseconds since the epoch), printed as a quoted RFC3339Nano string. */
public record TimeLiteral(long nanos) implements Expr {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append('\'');
        Rfc3339.append(out, nanos);
        out.append('\'');
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
