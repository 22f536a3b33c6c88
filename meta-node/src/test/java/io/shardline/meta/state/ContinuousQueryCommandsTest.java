package io.shardline.meta.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.ContinuousQueryInfo;
import io.shardline.meta.model.LeaseInfo;
import org.junit.jupiter.api.Test;

/**
 * Continuous queries and leases on the pure state: 1.x's create/drop rules and texts (checked against influxd
 * 1.6.7), Enterprise's lease grant / renew / refuse / expiry, and last runs recorded only by the lease holder.
 */
class ContinuousQueryCommandsTest {

    private static final String Q1 = "CREATE CONTINUOUS QUERY cq1 ON db BEGIN SELECT mean(value) INTO db.autogen.m "
            + "FROM db.autogen.cpu GROUP BY time(1m) END";
    private static final String Q2 = Q1.replace("INTO db.autogen.m", "INTO db.autogen.m2");
    private static final long MINUTE = 60_000_000_000L;
    private static final String LEASE = ContinuousQueryCommands.CONTINUOUS_QUERIER;

    private final MetaHarness h = MetaHarness.cluster(2);

    @Test
    void createIsIdempotentForTheSameTextAndKeepsCreationOrder() {
        h.createDatabase("db");
        h.ok(new MetaCommand.CreateContinuousQuery("db", "zz", Q1.replace("cq1", "zz")));
        h.ok(new MetaCommand.CreateContinuousQuery("db", "cq1", Q1));
        h.ok(new MetaCommand.CreateContinuousQuery("db", "cq1", Q1));
        MetaResult.Failure f = h.fail(new MetaCommand.CreateContinuousQuery("db", "cq1", Q2));
        assertThat(f.message()).isEqualTo("continuous query already exists");
        assertThat(f.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(h.meta().database("db").orElseThrow().continuousQueries()).extracting(ContinuousQueryInfo::name)
                .containsExactly("zz", "cq1");
        assertThat(h.fail(new MetaCommand.CreateContinuousQuery("nodb", "cq1", Q1)).message())
                .isEqualTo("database not found: nodb");
    }

    @Test
    void dropIsANoOpForAnUnknownQueryOrDatabase() {
        h.createDatabase("db");
        h.ok(new MetaCommand.CreateContinuousQuery("db", "cq1", Q1));
        h.ok(new MetaCommand.DropContinuousQuery("db", "nosuch"));
        h.ok(new MetaCommand.DropContinuousQuery("nodb", "cq1"));
        assertThat(h.meta().database("db").orElseThrow().continuousQueries()).hasSize(1);
        h.ok(new MetaCommand.DropContinuousQuery("db", "cq1"));
        assertThat(h.meta().database("db").orElseThrow().continuousQueries()).isEmpty();
    }

    @Test
    void leaseIsGrantedRenewedRefusedAndTakenOverAfterExpiry() {
        LeaseInfo first = h.ok(new MetaCommand.AcquireLease(LEASE, 4, 1_000, MINUTE), LeaseInfo.class);
        assertThat(first).isEqualTo(new LeaseInfo(LEASE, 4, 1_000 + MINUTE));
        // renewal by the holder extends it
        assertThat(h.ok(new MetaCommand.AcquireLease(LEASE, 4, 2_000, MINUTE), LeaseInfo.class).expiresAt())
                .isEqualTo(2_000 + MINUTE);
        // another node is refused until it expires
        MetaResult.Failure refused = h.fail(new MetaCommand.AcquireLease(LEASE, 5, 2_000 + MINUTE - 1, MINUTE));
        assertThat(refused.message()).isEqualTo("another node has the lease");
        assertThat(refused.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(h.meta().lease(LEASE).orElseThrow().nodeId()).isEqualTo(4);
        LeaseInfo taken = h.ok(new MetaCommand.AcquireLease(LEASE, 5, 2_000 + MINUTE, MINUTE), LeaseInfo.class);
        assertThat(taken).isEqualTo(new LeaseInfo(LEASE, 5, 2_000 + 2 * MINUTE));
        // leases are independent by name
        h.ok(new MetaCommand.AcquireLease("other", 4, 2_000 + MINUTE, MINUTE));
        assertThat(h.meta().leases()).extracting(LeaseInfo::name).containsExactly(LEASE, "other");
        assertThat(h.fail(new MetaCommand.AcquireLease(LEASE, 5, 1, 0)).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void onlyTheLeaseHolderRecordsRunsAndRunsOnlyMoveForward() {
        h.createDatabase("db");
        h.ok(new MetaCommand.CreateContinuousQuery("db", "cq1", Q1));
        assertThat(h.fail(new MetaCommand.RecordContinuousQueryRun("db", "cq1", 4, 10 * MINUTE, 1)).message())
                .isEqualTo("another node has the lease");
        h.ok(new MetaCommand.AcquireLease(LEASE, 4, 1, MINUTE));
        h.ok(new MetaCommand.RecordContinuousQueryRun("db", "cq1", 4, 10 * MINUTE, 2));
        assertThat(lastRun()).isEqualTo(10 * MINUTE);
        h.ok(new MetaCommand.RecordContinuousQueryRun("db", "cq1", 4, 9 * MINUTE, 3));
        assertThat(lastRun()).isEqualTo(10 * MINUTE);
        assertThat(h.fail(new MetaCommand.RecordContinuousQueryRun("db", "cq1", 5, 11 * MINUTE, 4)).message())
                .isEqualTo("another node has the lease");
        // after expiry the old holder is fenced off
        assertThat(h.fail(new MetaCommand.RecordContinuousQueryRun("db", "cq1", 4, 11 * MINUTE, 1 + MINUTE))
                .code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        h.ok(new MetaCommand.RecordContinuousQueryRun("db", "gone", 4, 11 * MINUTE, 5));
        assertThat(lastRun()).isEqualTo(10 * MINUTE);
    }

    private long lastRun() {
        return h.meta().database("db").orElseThrow().continuousQuery("cq1").orElseThrow().lastRun();
    }
}
