package io.shardline.meta.state;

import io.shardline.meta.model.RetentionPolicyInfo;

/**
 * Validation and defaults for retention policies: name rules, the 1h minimum duration, the shard
 * duration never exceeding a finite duration, a replication factor of at least 1, and the default
 * replication factor. Checks return a failed {@link Outcome} or null when the input is acceptable.
 */
final class RetentionPolicyRules {

    /** The policy CREATE DATABASE creates when none is named. */
    static final String AUTOGEN = "autogen";

    private RetentionPolicyRules() {
    }

    /**
     * The replication factor of a policy that does not give one: the number of data nodes, but 2 with
     * four or more data nodes (Enterprise's documented default for {@code autogen}), and at least 1.
     */
    static int defaultReplicaN(int dataNodeCount) {
        return dataNodeCount >= 4 ? 2 : Math.max(1, dataNodeCount);
    }

    static Outcome checkName(String name, String requiredMessage) {
        if (name.isEmpty()) {
            return MetaErrors.invalid(requiredMessage);
        }
        if (NameRules.tooLong(name)) {
            return MetaErrors.invalid(MetaErrors.NAME_TOO_LONG);
        }
        if (!NameRules.valid(name)) {
            return MetaErrors.invalid(MetaErrors.INVALID_NAME);
        }
        return null;
    }

    static Outcome checkDuration(long duration) {
        if (duration != 0 && duration < ShardGroupTimes.MIN_RETENTION_POLICY_DURATION) {
            return MetaErrors.invalid(MetaErrors.DURATION_TOO_LOW);
        }
        return null;
    }

    static Outcome checkReplicaN(int replicaN) {
        return replicaN < 1 ? MetaErrors.invalid(MetaErrors.REPLICATION_FACTOR_TOO_LOW) : null;
    }

    /** {@code shardGroupDuration} must be normalised already. */
    static Outcome checkCompatible(long duration, long shardGroupDuration) {
        if (duration > 0 && duration < shardGroupDuration) {
            return MetaErrors.invalid(MetaErrors.INCOMPATIBLE_DURATIONS);
        }
        return null;
    }

    /** Checks a spec whose empty name means {@code defaultName} ("" when a name is required). */
    static Outcome validate(RetentionPolicySpec spec, String defaultName) {
        String name = spec.name().isEmpty() ? defaultName : spec.name();
        long duration = spec.duration().orElse(0);
        Outcome bad = checkName(name, MetaErrors.RETENTION_POLICY_NAME_REQUIRED);
        if (bad == null) {
            bad = checkDuration(duration);
        }
        if (bad == null && spec.replicaN().isPresent()) {
            bad = checkReplicaN(spec.replicaN().getAsInt());
        }
        if (bad == null) {
            bad = checkCompatible(duration,
                    ShardGroupTimes.normalisedShardGroupDuration(spec.shardGroupDuration(), duration));
        }
        return bad;
    }

    /** The policy a validated spec describes, without shard groups. */
    static RetentionPolicyInfo build(RetentionPolicySpec spec, String defaultName, int dataNodeCount) {
        String name = spec.name().isEmpty() ? defaultName : spec.name();
        long duration = spec.duration().orElse(0);
        return RetentionPolicyInfo.of(name, duration,
                ShardGroupTimes.normalisedShardGroupDuration(spec.shardGroupDuration(), duration),
                spec.replicaN().orElse(defaultReplicaN(dataNodeCount)));
    }

    /** Whether an existing policy satisfies the spec: every given field is equal (InfluxDB's {@code Matches}). */
    static boolean matches(RetentionPolicySpec spec, RetentionPolicyInfo existing) {
        if (!spec.name().isEmpty() && !spec.name().equals(existing.name())) {
            return false;
        }
        if (spec.duration().isPresent() && spec.duration().getAsLong() != existing.duration()) {
            return false;
        }
        if (spec.replicaN().isPresent() && spec.replicaN().getAsInt() != existing.replicaN()) {
            return false;
        }
        return ShardGroupTimes.normalisedShardGroupDuration(spec.shardGroupDuration(), existing.duration())
                == existing.shardGroupDuration();
    }
}
