package io.shardline.meta.state;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import java.util.Optional;

/**
 * CREATE, ALTER and DROP RETENTION POLICY with InfluxDB 1.x semantics. Changes never touch existing
 * shard groups; they apply to groups created afterwards. Stateless and pure.
 */
final class RetentionPolicyCommands {

    private RetentionPolicyCommands() {
    }

    static Outcome create(ClusterMetadata meta, MetaCommand.CreateRetentionPolicy command) {
        RetentionPolicySpec spec = command.spec();
        Outcome bad = RetentionPolicyRules.validate(spec, "");
        if (bad != null) {
            return bad;
        }
        Optional<DatabaseInfo> found = meta.database(command.database());
        if (found.isEmpty()) {
            return MetaErrors.databaseNotFound(command.database());
        }
        DatabaseInfo db = found.get();
        Optional<RetentionPolicyInfo> existing = db.retentionPolicy(spec.name());
        if (existing.isPresent()) {
            if (!RetentionPolicyRules.matches(spec, existing.get())) {
                return MetaErrors.conflict(MetaErrors.RETENTION_POLICY_EXISTS);
            }
            if (command.makeDefault() && !db.defaultRetentionPolicyName().equals(spec.name())) {
                return MetaErrors.conflict(MetaErrors.RETENTION_POLICY_CONFLICT);
            }
            return Outcome.ok(meta, existing.get());
        }
        RetentionPolicyInfo policy = RetentionPolicyRules.build(spec, "", meta.dataNodes().size());
        DatabaseInfo next = db.withRetentionPolicy(policy);
        if (command.makeDefault()) {
            next = next.withDefaultRetentionPolicy(policy.name());
        }
        return Outcome.ok(meta.withDatabase(next), policy);
    }

    static Outcome alter(ClusterMetadata meta, MetaCommand.AlterRetentionPolicy command) {
        Optional<DatabaseInfo> found = meta.database(command.database());
        if (found.isEmpty()) {
            return MetaErrors.databaseNotFound(command.database());
        }
        DatabaseInfo db = found.get();
        Optional<RetentionPolicyInfo> current = db.retentionPolicy(command.name());
        if (current.isEmpty()) {
            return MetaErrors.retentionPolicyNotFound(command.name());
        }
        RetentionPolicyInfo policy = current.get();
        Outcome bad = checkAlter(db, policy, command);
        if (bad != null) {
            return bad;
        }
        long duration = command.duration().orElse(policy.duration());
        long shardGroupDuration = alteredShardGroupDuration(policy, command, duration);
        RetentionPolicyInfo altered = policy
                .withName(command.newName().orElse(policy.name()))
                .withDuration(duration)
                .withShardGroupDuration(shardGroupDuration)
                .withReplicaN(command.replicaN().orElse(policy.replicaN()));
        boolean makeDefault = command.makeDefault() || db.defaultRetentionPolicyName().equals(policy.name());
        DatabaseInfo next = db.withoutRetentionPolicy(policy.name()).withRetentionPolicy(altered);
        if (makeDefault) {
            next = next.withDefaultRetentionPolicy(altered.name());
        }
        return Outcome.ok(meta.withDatabase(next), altered);
    }

    private static Outcome checkAlter(DatabaseInfo db, RetentionPolicyInfo policy,
                                      MetaCommand.AlterRetentionPolicy command) {
        Optional<String> newName = command.newName().filter(name -> !name.equals(policy.name()));
        if (newName.isPresent()) {
            if (db.retentionPolicy(newName.get()).isPresent()) {
                return MetaErrors.conflict(MetaErrors.RETENTION_POLICY_NAME_EXISTS);
            }
            Outcome bad = RetentionPolicyRules.checkName(newName.get(), MetaErrors.RETENTION_POLICY_NAME_REQUIRED);
            if (bad != null) {
                return bad;
            }
        }
        if (command.duration().isPresent()) {
            Outcome bad = RetentionPolicyRules.checkDuration(command.duration().getAsLong());
            if (bad != null) {
                return bad;
            }
        }
        if (command.replicaN().isPresent()) {
            Outcome bad = RetentionPolicyRules.checkReplicaN(command.replicaN().getAsInt());
            if (bad != null) {
                return bad;
            }
        }
        long duration = command.duration().orElse(policy.duration());
        return RetentionPolicyRules.checkCompatible(duration, alteredShardGroupDuration(policy, command, duration));
    }

    /** A given shard duration normalised against the new duration; else the policy's current one. */
    private static long alteredShardGroupDuration(RetentionPolicyInfo policy,
                                                  MetaCommand.AlterRetentionPolicy command, long duration) {
        return command.shardGroupDuration().isPresent()
                ? ShardGroupTimes.normalisedShardGroupDuration(command.shardGroupDuration().getAsLong(), duration)
                : policy.shardGroupDuration();
    }

    static Outcome drop(ClusterMetadata meta, MetaCommand.DropRetentionPolicy command) {
        Optional<DatabaseInfo> db = meta.database(command.database());
        if (db.isEmpty() || db.get().retentionPolicy(command.name()).isEmpty()) {
            return Outcome.ok(meta, null);
        }
        return Outcome.ok(meta.withDatabase(db.get().withoutRetentionPolicy(command.name())), null);
    }
}
