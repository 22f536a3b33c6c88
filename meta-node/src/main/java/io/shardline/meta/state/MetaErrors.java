package io.shardline.meta.state;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.unit.GoDurations;
import java.time.Duration;

/**
 * The failures the meta state machine reports, with InfluxDB's exact texts where InfluxDB has one
 * ({@code services/meta/errors.go}, {@code errors.go}). Stateless.
 */
final class MetaErrors {

    static final String DATABASE_NAME_REQUIRED = "database name required";
    static final String RETENTION_POLICY_NAME_REQUIRED = "retention policy name required";
    static final String INVALID_NAME = "invalid name";
    static final String NAME_TOO_LONG = "name too long";
    static final String RETENTION_POLICY_EXISTS = "retention policy already exists";
    static final String RETENTION_POLICY_NAME_EXISTS = "retention policy name already exists";
    static final String RETENTION_POLICY_CONFLICT = "retention policy conflicts with an existing policy";
    static final String DURATION_TOO_LOW = "retention policy duration must be at least "
            + GoDurations.format(Duration.ofNanos(ShardGroupTimes.MIN_RETENTION_POLICY_DURATION));
    static final String INCOMPATIBLE_DURATIONS =
            "retention policy duration must be greater than the shard duration";
    static final String REPLICATION_FACTOR_TOO_LOW = "replication factor must be greater than 0";
    static final String SHARD_GROUP_NOT_FOUND = "shard group not found";
    static final String NO_DATA_NODES = "no data nodes in the cluster to own shards";
    static final String USER_EXISTS = "user already exists";
    static final String USER_NOT_FOUND = "user not found";
    static final String USERNAME_REQUIRED = "username required";

    private MetaErrors() {
    }

    static Outcome invalid(String message) {
        return Outcome.fail(ErrorCode.INVALID_ARGUMENT, message);
    }

    static Outcome conflict(String message) {
        return Outcome.fail(ErrorCode.ALREADY_EXISTS, message);
    }

    static Outcome userNotFound() {
        return Outcome.fail(ErrorCode.NOT_FOUND, USER_NOT_FOUND);
    }

    static Outcome databaseNotFound(String database) {
        return Outcome.fail(ErrorCode.NOT_FOUND, "database not found: " + database);
    }

    static Outcome retentionPolicyNotFound(String policy) {
        return Outcome.fail(ErrorCode.NOT_FOUND, "retention policy not found: " + policy);
    }

    static Outcome shardGroupNotFound() {
        return Outcome.fail(ErrorCode.NOT_FOUND, SHARD_GROUP_NOT_FOUND);
    }

    static Outcome shardNotFound(long shardId) {
        return Outcome.fail(ErrorCode.NOT_FOUND, "shard not found: " + shardId);
    }

    static Outcome nodeNotFound(Object idOrAddress) {
        return Outcome.fail(ErrorCode.NOT_FOUND, "node not found: " + idOrAddress);
    }

    static Outcome nodeExists(String address) {
        return Outcome.fail(ErrorCode.ALREADY_EXISTS, "node already exists: " + address);
    }

    static Outcome noDataNodes() {
        return Outcome.fail(ErrorCode.FAILED_PRECONDITION, NO_DATA_NODES);
    }

    static Outcome timeNotPositive(String what, long time) {
        return invalid(what + " must be after the Unix epoch: " + time);
    }
}
