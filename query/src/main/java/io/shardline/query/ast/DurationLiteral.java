package io.shardline.query.ast;

/** A duration literal in nanoseconds, printed like {@code 1h} or {@code 90m}. */
public record DurationLiteral(long nanos) implements Expr {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append(InfluxDuration.format(nanos));
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
