package io.shardline.meta.state;

import static io.shardline.meta.state.MetaHarness.DAY;
import static io.shardline.meta.state.MetaHarness.HOUR;
import static io.shardline.meta.state.MetaHarness.WEEK;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseCommandsTest {

    private static MetaCommand.CreateDatabase create(String name) {
        return new MetaCommand.CreateDatabase(name, Optional.empty(), true);
    }

    private static MetaCommand.CreateDatabase createWith(String name, RetentionPolicySpec spec) {
        return new MetaCommand.CreateDatabase(name, Optional.of(spec), true);
    }

    @ParameterizedTest(name = "{0} data nodes -> autogen RF {1}")
    @CsvSource({"0, 1", "1, 1", "2, 2", "3, 3", "4, 2", "5, 2", "7, 2"})
    void createsAutogenAsTheInfiniteDefaultPolicy(int dataNodes, int expectedReplicaN) {
        MetaHarness h = MetaHarness.cluster(dataNodes);
        DatabaseInfo db = h.ok(create("telegraf"), DatabaseInfo.class);
        assertThat(db.defaultRetentionPolicyName()).isEqualTo("autogen");
        RetentionPolicyInfo autogen = db.defaultRetentionPolicy().orElseThrow();
        assertThat(autogen.duration()).isZero();
        assertThat(autogen.shardGroupDuration()).isEqualTo(WEEK);
        assertThat(autogen.replicaN()).isEqualTo(expectedReplicaN);
        assertThat(h.meta().database("telegraf")).contains(db);
    }

    @Test
    void withoutRetentionAutoCreateTheDatabaseHasNoPolicy() {
        MetaHarness h = MetaHarness.cluster(1);
        DatabaseInfo db = h.ok(new MetaCommand.CreateDatabase("db", Optional.empty(), false), DatabaseInfo.class);
        assertThat(db.retentionPolicies()).isEmpty();
        assertThat(db.defaultRetentionPolicyName()).isEmpty();
    }

    @Test
    void isIdempotent() {
        MetaHarness h = MetaHarness.cluster(3);
        h.createDatabase("db");
        var before = h.meta();
        h.addDataNode("data9"); // a different node count must not alter the existing autogen
        h.ok(create("db"));
        assertThat(h.meta().database("db")).isEqualTo(before.database("db"));
    }

    @Test
    void createsTheSpecPolicyAsDefaultNamedAutogenWhenUnnamed() {
        MetaHarness h = MetaHarness.cluster(3);
        RetentionPolicySpec spec = new RetentionPolicySpec("", OptionalLong.of(DAY), OptionalInt.of(2), 0);
        DatabaseInfo db = h.ok(createWith("db", spec), DatabaseInfo.class);
        assertThat(db.retentionPolicies()).containsOnlyKeys("autogen");
        RetentionPolicyInfo rp = db.defaultRetentionPolicy().orElseThrow();
        assertThat(rp.duration()).isEqualTo(DAY);
        assertThat(rp.replicaN()).isEqualTo(2);
        assertThat(rp.shardGroupDuration()).isEqualTo(HOUR);
    }

    @Test
    void specWithoutReplicationGetsTheClusterDefault() {
        MetaHarness h = MetaHarness.cluster(5);
        RetentionPolicySpec spec = new RetentionPolicySpec("rp", OptionalLong.of(30 * DAY), OptionalInt.empty(), 0);
        DatabaseInfo db = h.ok(createWith("db", spec), DatabaseInfo.class);
        assertThat(db.defaultRetentionPolicy().orElseThrow().replicaN()).isEqualTo(2);
        assertThat(db.defaultRetentionPolicy().orElseThrow().shardGroupDuration()).isEqualTo(DAY);
    }

    @Test
    void matchingSpecOnAnExistingDatabaseIsANoOp() {
        MetaHarness h = MetaHarness.cluster(3);
        RetentionPolicySpec spec = RetentionPolicySpec.of("rp", DAY, 2, 0);
        h.ok(createWith("db", spec));
        var before = h.meta();
        h.ok(createWith("db", spec));
        h.ok(createWith("db", new RetentionPolicySpec("rp", OptionalLong.empty(), OptionalInt.empty(), 0)));
        h.ok(create("db"));
        assertThat(h.meta().databases()).isEqualTo(before.databases());
    }

    @Test
    void conflictingSpecIsRejected() {
        MetaHarness h = MetaHarness.cluster(3);
        h.ok(createWith("db", RetentionPolicySpec.of("rp", DAY, 2, 0)));
        h.createPolicy("db", "other", WEEK, 1, 0, false);
        for (RetentionPolicySpec spec : new RetentionPolicySpec[] {
                RetentionPolicySpec.of("rp", 2 * DAY, 2, 0),      // other duration
                RetentionPolicySpec.of("rp", DAY, 3, 0),          // other replication
                RetentionPolicySpec.of("rp", DAY, 2, 2 * HOUR),   // other shard duration
                RetentionPolicySpec.of("other", WEEK, 1, 0),      // exists, but not the default
                RetentionPolicySpec.of("new", DAY, 2, 0)}) {      // does not exist
            MetaResult.Failure failure = h.fail(createWith("db", spec));
            assertThat(failure.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
            assertThat(failure.message()).isEqualTo("retention policy conflicts with an existing policy");
        }
    }

    @Test
    void specOnADatabaseWithoutPoliciesBecomesItsDefault() {
        MetaHarness h = MetaHarness.cluster(1);
        h.ok(new MetaCommand.CreateDatabase("db", Optional.empty(), false));
        DatabaseInfo db = h.ok(createWith("db", RetentionPolicySpec.of("rp", DAY, 1, 0)), DatabaseInfo.class);
        assertThat(db.defaultRetentionPolicyName()).isEqualTo("rp");
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|database name required",
            ".|invalid name",
            "..|invalid name",
            "a/b|invalid name",
            "a\\b|invalid name"
    })
    void rejectsBadDatabaseNames(String name, String message) {
        MetaResult.Failure failure = MetaHarness.cluster(1).fail(create(name));
        assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(failure.message()).isEqualTo(message);
    }

    @Test
    void rejectsTooLongAndUnprintableNames() {
        MetaHarness h = MetaHarness.cluster(1);
        assertThat(h.fail(create("x".repeat(256))).message()).isEqualTo("name too long");
        assertThat(h.fail(create("bell\u0007")).message()).isEqualTo("invalid name");
        h.ok(create("x".repeat(255)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "30m duration|1800000000000|1|0|retention policy duration must be at least 1h0m0s",
            "negative duration|-3600000000000|1|0|retention policy duration must be at least 1h0m0s",
            "zero replicas|86400000000000|0|0|replication factor must be greater than 0",
            "shard longer than duration|3600000000000|1|7200000000000|"
                    + "retention policy duration must be greater than the shard duration",
            "7d shards on 1h|3600000000000|1|604800000000000|"
                    + "retention policy duration must be greater than the shard duration"
    })
    void rejectsInvalidSpecs(String label, long duration, int replicaN, long shardDuration, String message) {
        MetaHarness h = MetaHarness.cluster(1);
        MetaResult.Failure failure = h.fail(createWith("db", RetentionPolicySpec.of("rp", duration, replicaN,
                shardDuration)));
        assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(failure.message()).isEqualTo(message);
        assertThat(h.meta().database("db")).isEmpty();
    }

    @Test
    void shardDurationEqualToTheDurationIsAccepted() {
        MetaHarness h = MetaHarness.cluster(1);
        h.ok(createWith("db", RetentionPolicySpec.of("rp", 2 * HOUR, 1, 2 * HOUR)));
        h.ok(createWith("db2", RetentionPolicySpec.of("rp", HOUR, 1, HOUR / 2))); // 30m is raised to 1h
        assertThat(h.policy("db2", "rp").shardGroupDuration()).isEqualTo(HOUR);
    }

    @Test
    void dropRemovesTheDatabaseAndIsANoOpWhenMissing() {
        MetaHarness h = MetaHarness.cluster(1);
        h.createDatabase("db");
        h.createGroup("db", "autogen", 0);
        assertThat(h.ok(new MetaCommand.DropDatabase("db"))).isNull();
        assertThat(h.meta().databases()).isEmpty();
        h.ok(new MetaCommand.DropDatabase("db"));
        assertThat(h.meta().maxShardGroupId()).isEqualTo(1); // sequences never go back
    }
}
