package io.shardline.query.ast;

/** {@code SHOW SHARD GROUPS}. */
public record ShowShardGroupsStatement() implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW SHARD GROUPS");
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
