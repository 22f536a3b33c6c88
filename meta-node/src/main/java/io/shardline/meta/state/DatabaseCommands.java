package io.shardline.meta.state;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import java.util.Optional;

/** CREATE DATABASE and DROP DATABASE with InfluxDB 1.x semantics. Stateless and pure. */
final class DatabaseCommands {

    private DatabaseCommands() {
    }

    static Outcome create(ClusterMetadata meta, MetaCommand.CreateDatabase command) {
        String name = command.name();
        Outcome bad = RetentionPolicyRules.checkName(name, MetaErrors.DATABASE_NAME_REQUIRED);
        if (bad != null) {
            return bad;
        }
        if (command.retentionPolicy().isPresent()) {
            return createWithPolicy(meta, name, command.retentionPolicy().get());
        }
        Optional<DatabaseInfo> existing = meta.database(name);
        if (existing.isPresent()) {
            return Outcome.ok(meta, existing.get());
        }
        DatabaseInfo db = DatabaseInfo.empty(name);
        if (command.retentionAutoCreate()) {
            RetentionPolicyInfo autogen = RetentionPolicyRules.build(
                    RetentionPolicySpec.named(RetentionPolicyRules.AUTOGEN), "", meta.dataNodes().size());
            db = db.withRetentionPolicy(autogen).withDefaultRetentionPolicy(autogen.name());
        }
        return Outcome.ok(meta.withDatabase(db), db);
    }

    /**
     * CREATE DATABASE ... WITH: creates the database if needed; a database without policies gets the
     * spec's policy as default, otherwise the spec must match the existing default policy of that name.
     */
    private static Outcome createWithPolicy(ClusterMetadata meta, String name, RetentionPolicySpec spec) {
        Outcome bad = RetentionPolicyRules.validate(spec, RetentionPolicyRules.AUTOGEN);
        if (bad != null) {
            return bad;
        }
        RetentionPolicyInfo policy =
                RetentionPolicyRules.build(spec, RetentionPolicyRules.AUTOGEN, meta.dataNodes().size());
        DatabaseInfo db = meta.database(name).orElse(DatabaseInfo.empty(name));
        if (db.retentionPolicies().isEmpty()) {
            DatabaseInfo created = db.withRetentionPolicy(policy).withDefaultRetentionPolicy(policy.name());
            return Outcome.ok(meta.withDatabase(created), created);
        }
        Optional<RetentionPolicyInfo> existing = db.retentionPolicy(policy.name());
        if (existing.isEmpty() || !RetentionPolicyRules.matches(spec, existing.get())
                || !db.defaultRetentionPolicyName().equals(policy.name())) {
            return MetaErrors.conflict(MetaErrors.RETENTION_POLICY_CONFLICT);
        }
        return Outcome.ok(meta, db);
    }

    static Outcome drop(ClusterMetadata meta, MetaCommand.DropDatabase command) {
        if (meta.database(command.name()).isEmpty()) {
            return Outcome.ok(meta, null);
        }
        // 1.x removes every user's privilege on the dropped database.
        ClusterMetadata next = meta.withoutDatabase(command.name());
        return Outcome.ok(next.withUsers(next.users().stream().map(u -> u.withoutDatabase(command.name())).toList()),
                null);
    }
}
