package io.shardline.query.ast;

/** {@code SHOW SHARDS}. */
public record ShowShardsStatement() implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW SHARDS");
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
