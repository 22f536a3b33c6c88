package io.shardline.query.ast;

/**
 * {@code CREATE RETENTION POLICY rp ON db DURATION d REPLICATION n [SHARD DURATION d] [DEFAULT]}; durations in
 * nanoseconds, {@code duration} 0 means INF, {@code shardGroupDuration} 0 means "not given".
 */
public record CreateRetentionPolicyStatement(String name, String database, long duration, int replication,
        long shardGroupDuration, boolean isDefault) implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("CREATE RETENTION POLICY ");
        Idents.appendIdent(out, name);
        out.append(" ON ");
        Idents.appendIdent(out, database);
        out.append(" DURATION ").append(InfluxDuration.format(duration));
        out.append(" REPLICATION ").append(replication);
        if (shardGroupDuration > 0) {
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
