package io.shardline.meta.state;

import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ContinuousQueryInfo;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.LeaseInfo;
import java.util.Optional;

/**
 * Continuous queries and leases with 1.x's semantics and texts ({@code services/meta/data.go}) and Enterprise's
 * lease rule (free, expired or already yours: granted until now + duration; else refused). The last run of a
 * continuous query is recorded only by the holder of the {@value #CONTINUOUS_QUERIER} lease, so a node that lost
 * the lease cannot move another node's progress. Stateless and pure.
 */
final class ContinuousQueryCommands {

    /** The lease the continuous-query service holds, as Enterprise names it. */
    static final String CONTINUOUS_QUERIER = "continuous_querier";
    static final String CQ_EXISTS = "continuous query already exists";
    static final String LEASE_HELD = "another node has the lease";

    private ContinuousQueryCommands() {
    }

    static Outcome create(ClusterMetadata meta, MetaCommand.CreateContinuousQuery c) {
        Optional<DatabaseInfo> db = meta.database(c.database());
        if (db.isEmpty()) {
            return MetaErrors.databaseNotFound(c.database());
        }
        Optional<ContinuousQueryInfo> existing = db.get().continuousQuery(c.name());
        if (existing.isPresent()) {
            return existing.get().query().equals(c.query()) ? Outcome.ok(meta, null) : MetaErrors.conflict(CQ_EXISTS);
        }
        return Outcome.ok(meta.withDatabase(db.get().withContinuousQuery(new ContinuousQueryInfo(c.name(), c.query(),
                0))), null);
    }

    static Outcome drop(ClusterMetadata meta, MetaCommand.DropContinuousQuery c) {
        Optional<DatabaseInfo> db = meta.database(c.database());
        if (db.isEmpty() || db.get().continuousQuery(c.name()).isEmpty()) {
            return Outcome.ok(meta, null);
        }
        return Outcome.ok(meta.withDatabase(db.get().withoutContinuousQuery(c.name())), null);
    }

    static Outcome recordRun(ClusterMetadata meta, MetaCommand.RecordContinuousQueryRun c) {
        if (!meta.lease(CONTINUOUS_QUERIER).map(l -> l.heldBy(c.nodeId(), c.now())).orElse(false)) {
            return Outcome.fail(ErrorCode.ALREADY_EXISTS, LEASE_HELD);
        }
        Optional<DatabaseInfo> db = meta.database(c.database());
        Optional<ContinuousQueryInfo> cq = db.flatMap(d -> d.continuousQuery(c.name()));
        if (cq.isEmpty() || cq.get().lastRun() >= c.lastRun()) {
            return Outcome.ok(meta, null);
        }
        return Outcome.ok(meta.withDatabase(db.get().withContinuousQuery(cq.get().withLastRun(c.lastRun()))), null);
    }

    static Outcome acquireLease(ClusterMetadata meta, MetaCommand.AcquireLease c) {
        if (c.duration() <= 0) {
            return MetaErrors.invalid("lease duration must be positive: " + c.duration());
        }
        Optional<LeaseInfo> current = meta.lease(c.name());
        if (current.isPresent() && current.get().nodeId() != c.nodeId() && c.now() < current.get().expiresAt()) {
            return Outcome.fail(ErrorCode.ALREADY_EXISTS, LEASE_HELD);
        }
        LeaseInfo granted = new LeaseInfo(c.name(), c.nodeId(), c.now() + c.duration());
        return Outcome.ok(meta.withLease(granted), granted);
    }
}
