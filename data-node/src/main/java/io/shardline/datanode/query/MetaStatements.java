package io.shardline.datanode.query;

import io.shardline.common.error.ShardlineException;
import io.shardline.meta.client.MetaChanges;
import io.shardline.meta.client.RetentionPolicySettings;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.query.ast.AlterRetentionPolicyStatement;
import io.shardline.query.ast.CreateDatabaseStatement;
import io.shardline.query.ast.CreateRetentionPolicyStatement;
import io.shardline.query.ast.DropDatabaseStatement;
import io.shardline.query.ast.DropRetentionPolicyStatement;
import io.shardline.query.ast.ShowRetentionPoliciesStatement;
import io.shardline.query.ast.Statement;
import io.shardline.query.result.MetaResults;
import io.shardline.query.result.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Runs the statements answered from cluster metadata alone: database and retention-policy DDL
 * (through the meta nodes) and {@code SHOW DATABASES / RETENTION POLICIES / SHARDS / SHARD GROUPS}
 * (from the view). After a change the view is refreshed, so the next statement or write sees it.
 * Thread-safe.
 */
final class MetaStatements {

    /** The meta operations the statements need. */
    interface Meta {
        MetaChanges changes();

        /** A linearizable read of the metadata, which also advances the local view. */
        ClusterMetadata refresh();

        ClusterMetadata view();
    }

    private final Meta meta;

    MetaStatements(Meta meta) {
        this.meta = meta;
    }

    /** True for the statements this class runs. */
    static boolean handles(Statement s) {
        return s instanceof CreateDatabaseStatement || s instanceof DropDatabaseStatement
                || s instanceof CreateRetentionPolicyStatement || s instanceof AlterRetentionPolicyStatement
                || s instanceof DropRetentionPolicyStatement || s instanceof ShowRetentionPoliciesStatement
                || s instanceof io.shardline.query.ast.ShowDatabasesStatement
                || s instanceof io.shardline.query.ast.ShowShardsStatement
                || s instanceof io.shardline.query.ast.ShowShardGroupsStatement;
    }

    /** Runs one statement; returns its series (empty for DDL). */
    List<Series> execute(Statement s, QueryContext context) {
        if (s instanceof CreateDatabaseStatement c) {
            createDatabase(c);
        } else if (s instanceof DropDatabaseStatement d) {
            meta.changes().dropDatabase(d.name());
        } else if (s instanceof CreateRetentionPolicyStatement c) {
            meta.changes().createRetentionPolicy(c.database(), RetentionPolicySettings.of(c.name(), c.duration(),
                    c.replication(), c.shardGroupDuration()), c.isDefault());
        } else if (s instanceof AlterRetentionPolicyStatement a) {
            meta.changes().alterRetentionPolicy(a.database(), a.name(), optionalLong(a.duration()),
                    a.replication() == null ? OptionalInt.empty() : OptionalInt.of(a.replication()),
                    optionalLong(a.shardGroupDuration()), a.isDefault());
        } else if (s instanceof DropRetentionPolicyStatement d) {
            meta.changes().dropRetentionPolicy(d.database(), d.name());
        } else {
            return show(s, context);
        }
        meta.refresh();
        return List.of();
    }

    private void createDatabase(CreateDatabaseStatement c) {
        Optional<RetentionPolicySettings> policy = Optional.empty();
        if (c.withRetentionPolicy()) {
            policy = Optional.of(new RetentionPolicySettings(c.retentionPolicyName().isEmpty() ? "autogen"
                    : c.retentionPolicyName(), optionalLong(c.duration()),
                    c.replication() == null ? OptionalInt.empty() : OptionalInt.of(c.replication()),
                    c.shardGroupDuration()));
        }
        meta.changes().createDatabase(c.name(), policy, true);
    }

    private List<Series> show(Statement s, QueryContext context) {
        ClusterMetadata view = meta.view();
        String database = context.database();
        if (s instanceof ShowRetentionPoliciesStatement r) {
            String db = r.database() == null || r.database().isEmpty() ? database : r.database();
            if (db == null || db.isEmpty()) {
                throw ShardlineException.invalid("database name required");
            }
            DatabaseInfo info = view.database(db).orElseThrow(() -> ShardlineException.notFound("database not found: " + db));
            List<MetaResults.RetentionPolicyRow> rows = new ArrayList<>();
            for (RetentionPolicyInfo rp : info.retentionPolicies().values()) {
                rows.add(new MetaResults.RetentionPolicyRow(rp.name(), rp.duration(), rp.shardGroupDuration(),
                        rp.replicaN(), rp.name().equals(info.defaultRetentionPolicyName())));
            }
            return List.of(MetaResults.retentionPolicies(rows));
        }
        if (s instanceof io.shardline.query.ast.ShowShardsStatement) {
            return shards(view, context.nowNanos());
        }
        if (s instanceof io.shardline.query.ast.ShowShardGroupsStatement) {
            return List.of(MetaResults.shardGroups(shardGroups(view)));
        }
        return List.of(MetaResults.databases(view.databases().keySet().stream().filter(context::mayList).toList()));
    }

    private static List<Series> shards(ClusterMetadata view, long nowNanos) {
        List<Series> out = new ArrayList<>();
        for (DatabaseInfo db : view.databases().values()) {
            List<MetaResults.ShardRow> rows = new ArrayList<>();
            for (RetentionPolicyInfo rp : db.retentionPolicies().values()) {
                for (ShardGroupInfo g : rp.shardGroups()) {
                    if (g.deleted()) {
                        continue;
                    }
                    long expiry = rp.expiryTime(g).orElse(g.endTime());
                    for (ShardInfo shard : g.shards()) {
                        rows.add(new MetaResults.ShardRow(shard.id(), db.name(), rp.name(), g.id(), g.startTime(),
                                g.endTime(), expiry, shard.owners().stream().map(String::valueOf)
                                .collect(Collectors.joining(","))));
                    }
                }
            }
            out.add(MetaResults.shards(db.name(), rows));
        }
        return out;
    }

    private static List<MetaResults.ShardGroupRow> shardGroups(ClusterMetadata view) {
        List<MetaResults.ShardGroupRow> rows = new ArrayList<>();
        for (DatabaseInfo db : view.databases().values()) {
            for (RetentionPolicyInfo rp : db.retentionPolicies().values()) {
                for (ShardGroupInfo g : rp.shardGroups()) {
                    if (!g.deleted()) {
                        rows.add(new MetaResults.ShardGroupRow(g.id(), db.name(), rp.name(), g.startTime(), g.endTime(),
                                rp.expiryTime(g).orElse(g.endTime())));
                    }
                }
            }
        }
        return rows;
    }

    private static OptionalLong optionalLong(Long v) {
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
