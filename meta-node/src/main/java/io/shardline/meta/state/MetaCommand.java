package io.shardline.meta.state;

import io.shardline.common.auth.Privilege;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A change to the cluster metadata, as logged through Raft. Every time a command needs is a field,
 * stamped by the leader before logging, so applying it is deterministic. Times are Unix nanoseconds.
 * Each record's javadoc names the {@link MetaResult.Ok} value it produces.
 */
public sealed interface MetaCommand {

    /**
     * CREATE DATABASE, idempotent. Without a spec and with {@code retentionAutoCreate} it also creates
     * the default policy {@code autogen} (INF, 7d groups) whose replication factor is the number of
     * data nodes, but 2 with four or more data nodes, and at least 1; a spec without REPLICATION gets
     * the same default. Value: the {@code DatabaseInfo}.
     */
    record CreateDatabase(String name, Optional<RetentionPolicySpec> retentionPolicy,
                          boolean retentionAutoCreate) implements MetaCommand {
        public CreateDatabase {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(retentionPolicy, "retentionPolicy");
        }
    }

    /** DROP DATABASE; a no-op if it does not exist. Value: null. */
    record DropDatabase(String name) implements MetaCommand {
        public DropDatabase {
            Objects.requireNonNull(name, "name");
        }
    }

    /** CREATE RETENTION POLICY ... [DEFAULT]. Value: the {@code RetentionPolicyInfo}. */
    record CreateRetentionPolicy(String database, RetentionPolicySpec spec, boolean makeDefault)
            implements MetaCommand {
        public CreateRetentionPolicy {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(spec, "spec");
        }
    }

    /**
     * ALTER RETENTION POLICY; absent fields stay as they are, changes affect only new shard groups.
     * Value: the altered {@code RetentionPolicyInfo}.
     */
    record AlterRetentionPolicy(String database, String name, Optional<String> newName, OptionalLong duration,
                                OptionalInt replicaN, OptionalLong shardGroupDuration, boolean makeDefault)
            implements MetaCommand {
        public AlterRetentionPolicy {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(newName, "newName");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(replicaN, "replicaN");
            Objects.requireNonNull(shardGroupDuration, "shardGroupDuration");
        }
    }

    /** DROP RETENTION POLICY; a no-op if the database or policy does not exist. Value: null. */
    record DropRetentionPolicy(String database, String name) implements MetaCommand {
        public DropRetentionPolicy {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(name, "name");
        }
    }

    /** The group of the policy covering {@code timestamp}, created if missing. Value: the {@code ShardGroupInfo}. */
    record CreateShardGroup(String database, String retentionPolicy, long timestamp) implements MetaCommand {
        public CreateShardGroup {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(retentionPolicy, "retentionPolicy");
        }
    }

    /** Marks one group deleted at {@code deletedAt} (> 0); idempotent. Value: the {@code ShardGroupInfo}. */
    record DeleteShardGroup(String database, String retentionPolicy, long shardGroupId, long deletedAt)
            implements MetaCommand {
        public DeleteShardGroup {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(retentionPolicy, "retentionPolicy");
        }
    }

    /**
     * {@code truncate-shards}: {@code truncateAt} (> 0) is now + delay, computed by the caller. Value:
     * the list of {@code ShardGroupInfo} it changed.
     */
    record TruncateShardGroups(long truncateAt) implements MetaCommand {
    }

    /** Retention: marks expired groups of finite policies deleted at {@code now} (> 0). Value: list of groups. */
    record EnforceRetention(long now) implements MetaCommand {
    }

    /** Shard precreation with {@code [shard-precreation] advance-period}. Value: list of created groups. */
    record PrecreateShardGroups(long now, long advancePeriod) implements MetaCommand {
    }

    /** Forgets groups deleted before {@code deletedBefore}. Value: list of removed groups. */
    record PruneShardGroups(long deletedBefore) implements MetaCommand {
    }

    /** {@code add-data}; idempotent by TCP address. Value: the {@code NodeInfo} (new or existing). */
    record AddDataNode(String tcpAddress, String httpAddress) implements MetaCommand {
        public AddDataNode {
            Objects.requireNonNull(tcpAddress, "tcpAddress");
            Objects.requireNonNull(httpAddress, "httpAddress");
        }
    }

    /** {@code remove-data}: removes the node and drops it from every owner list. Value: the removed {@code NodeInfo}. */
    record RemoveDataNode(long nodeId) implements MetaCommand {
    }

    /**
     * {@code update-data}: re-points a node id at new addresses, keeping its shards; an empty
     * {@code newHttpAddress} keeps the old one. Value: the updated {@code NodeInfo}.
     */
    record UpdateDataNode(String oldTcpAddress, String newTcpAddress, String newHttpAddress)
            implements MetaCommand {
        public UpdateDataNode {
            Objects.requireNonNull(oldTcpAddress, "oldTcpAddress");
            Objects.requireNonNull(newTcpAddress, "newTcpAddress");
            Objects.requireNonNull(newHttpAddress, "newHttpAddress");
        }
    }

    /** {@code add-meta}; idempotent by HTTP address. Value: the {@code NodeInfo} (new or existing). */
    record AddMetaNode(String raftAddress, String httpAddress) implements MetaCommand {
        public AddMetaNode {
            Objects.requireNonNull(raftAddress, "raftAddress");
            Objects.requireNonNull(httpAddress, "httpAddress");
        }
    }

    /** {@code remove-meta}. Value: the removed {@code NodeInfo}. */
    record RemoveMetaNode(long nodeId) implements MetaCommand {
    }

    /** Adds a data node as the last owner of a shard (copy-shard); idempotent. Value: the {@code ShardInfo}. */
    record AddShardOwner(long shardId, long nodeId) implements MetaCommand {
    }

    /** Drops an owner from a shard (remove-shard); idempotent. Value: the {@code ShardInfo}. */
    record RemoveShardOwner(long shardId, long nodeId) implements MetaCommand {
    }

    /**
     * CREATE USER with the bcrypt hash of its password, computed before logging; fails with
     * {@code user already exists} or {@code username required}. Value: the {@code UserInfo}.
     */
    record CreateUser(String name, String hash, boolean admin) implements MetaCommand {
        public CreateUser {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(hash, "hash");
        }

        @Override
        public String toString() {
            return "CreateUser[name=" + name + ", admin=" + admin + "]";
        }
    }

    /** DROP USER; {@code user not found} otherwise. Value: null. */
    record DropUser(String name) implements MetaCommand {
        public DropUser {
            Objects.requireNonNull(name, "name");
        }
    }

    /** SET PASSWORD FOR, with the new bcrypt hash. Value: null. */
    record UpdateUserPassword(String name, String hash) implements MetaCommand {
        public UpdateUserPassword {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(hash, "hash");
        }

        @Override
        public String toString() {
            return "UpdateUserPassword[name=" + name + "]";
        }
    }

    /**
     * GRANT {@code privilege} ON database TO user, or with {@code revoke} REVOKE it (1.x: the current
     * privilege without the revoked bits; revoking ALL leaves NO PRIVILEGES). The user must exist, then
     * the database. Value: null.
     */
    record SetUserPrivilege(String name, String database, Privilege privilege, boolean revoke) implements MetaCommand {
        public SetUserPrivilege {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(privilege, "privilege");
        }
    }

    /** GRANT / REVOKE ALL PRIVILEGES TO|FROM user (admin or not). Value: null. */
    record SetUserAdmin(String name, boolean admin) implements MetaCommand {
        public SetUserAdmin {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * CREATE CONTINUOUS QUERY with the normalised text: idempotent for the same text, {@code continuous query
     * already exists} for another one, {@code database not found: db} without the database. Value: null.
     */
    record CreateContinuousQuery(String database, String name, String query) implements MetaCommand {
        public CreateContinuousQuery {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(query, "query");
        }
    }

    /** DROP CONTINUOUS QUERY; a no-op when the database or query does not exist (1.x). Value: null. */
    record DropContinuousQuery(String database, String name) implements MetaCommand {
        public DropContinuousQuery {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The holder of the {@code continuous_querier} lease at {@code now} ran a continuous query for
     * {@code lastRun}; refused when {@code nodeId} does not hold the lease, ignored when the query is gone or
     * already recorded a later run. Value: null.
     */
    record RecordContinuousQueryRun(String database, String name, long nodeId, long lastRun, long now)
            implements MetaCommand {
        public RecordContinuousQueryRun {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Enterprise's {@code /lease}: granted (or renewed until {@code now + duration}) when the lease is free,
     * expired or already held by {@code nodeId}; refused with {@code another node has the lease} otherwise.
     * Value: the {@code LeaseInfo}.
     */
    record AcquireLease(String name, long nodeId, long now, long duration) implements MetaCommand {
        public AcquireLease {
            Objects.requireNonNull(name, "name");
        }
    }
}
