package io.shardline.query.ast;

import io.shardline.common.unit.GoDurations;
import java.time.Duration;

/**
 * {@code CREATE DATABASE name [WITH [DURATION d] [REPLICATION n] [SHARD DURATION d] [NAME rp]]}.
 * {@code withRetentionPolicy} records that WITH was given; absent options are null (durations in nanoseconds,
 * 0 meaning INF; a shard duration of 0 means "not given").
 */
public record CreateDatabaseStatement(String name, boolean withRetentionPolicy, Long duration,
        Integer replication, long shardGroupDuration, String retentionPolicyName) implements Statement {

    public CreateDatabaseStatement {
        retentionPolicyName = retentionPolicyName == null ? "" : retentionPolicyName;
    }

    /** {@code CREATE DATABASE name} without WITH. */
    public static CreateDatabaseStatement named(String name) {
        return new CreateDatabaseStatement(name, false, null, null, 0, "");
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("CREATE DATABASE ");
        Idents.appendIdent(out, name);
        if (!withRetentionPolicy) {
            return;
        }
        // 1.x prints these durations with Go's Duration.String() ("24h0m0s"), unlike CREATE RETENTION POLICY.
        out.append(" WITH");
        if (duration != null) {
            out.append(" DURATION ").append(GoDurations.format(Duration.ofNanos(duration)));
        }
        if (replication != null) {
            out.append(" REPLICATION ").append(replication);
        }
        if (shardGroupDuration > 0) {
            out.append(" SHARD DURATION ").append(GoDurations.format(Duration.ofNanos(shardGroupDuration)));
        }
        if (!retentionPolicyName.isEmpty()) {
            out.append(" NAME ");
            Idents.appendIdent(out, retentionPolicyName);
        }
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
