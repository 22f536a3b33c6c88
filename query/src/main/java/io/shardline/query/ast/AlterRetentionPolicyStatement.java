package io.shardline.query.ast;

/**
 * {@code ALTER RETENTION POLICY rp ON db [DURATION d] [REPLICATION n] [SHARD DURATION d] [DEFAULT]} in any
 * order; options not given are null (durations in nanoseconds, 0 meaning INF).
 */
public record AlterRetentionPolicyStatement(String name, String database, Long duration, Integer replication,
        Long shardGroupDuration, boolean isDefault) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("ALTER RETENTION POLICY ");
        Idents.appendIdent(out, name);
        out.append(" ON ");
        Idents.appendIdent(out, database);
        if (duration != null) {
            out.append(" DURATION ").append(InfluxDuration.format(duration));
        }
        if (replication != null) {
            out.append(" REPLICATION ").append(replication);
        }
        if (shardGroupDuration != null) {
            out.append(" SHARD DURATION ").append(InfluxDuration.format(shardGroupDuration));
        }
        if (isDefault) {
            out.append(" DEFAULT");
        }
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
