package io.shardline.meta.state;

import static io.shardline.meta.state.MetaHarness.DAY;
import static io.shardline.meta.state.MetaHarness.HOUR;
import static io.shardline.meta.state.MetaHarness.alter;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionPolicyCommandsTest {

    private static MetaHarness withDatabase() {
        MetaHarness h = MetaHarness.cluster(3);
        h.createDatabase("db");
        return h;
    }

    private static MetaCommand.CreateRetentionPolicy create(String name, long duration, int rf, long sgd,
                                                            boolean makeDefault) {
        return new MetaCommand.CreateRetentionPolicy("db", RetentionPolicySpec.of(name, duration, rf, sgd),
                makeDefault);
    }

    @ParameterizedTest(name = "duration {0}, shard duration {1} -> {2}")
    @CsvSource({
            "0, 0, 604800000000000",
            "3600000000000, 0, 3600000000000",
            "172800000000000, 0, 86400000000000",
            "15552000000000000, 0, 604800000000000",
            "0, 1800000000000, 3600000000000",
            "0, 172800000000000, 172800000000000"
    })
    void derivesOrNormalisesTheShardDuration(long duration, long shardDuration, long expected) {
        MetaHarness h = withDatabase();
        RetentionPolicyInfo rp = h.ok(create("rp", duration, 2, shardDuration, false), RetentionPolicyInfo.class);
        assertThat(rp.shardGroupDuration()).isEqualTo(expected);
        assertThat(h.policy("db", "rp")).isEqualTo(rp);
        assertThat(h.meta().database("db").orElseThrow().defaultRetentionPolicyName()).isEqualTo("autogen");
    }

    @Test
    void defaultFlagMovesTheDefault() {
        MetaHarness h = withDatabase();
        h.ok(create("rp", DAY, 1, 0, true));
        assertThat(h.meta().defaultRetentionPolicy("db").map(RetentionPolicyInfo::name)).contains("rp");
    }

    @Test
    void identicalCreateIsIdempotentButDifferentOneIsRejected() {
        MetaHarness h = withDatabase();
        h.ok(create("rp", DAY, 1, 0, false));
        h.ok(create("rp", DAY, 1, 0, false));
        MetaResult.Failure exists = h.fail(create("rp", DAY, 2, 0, false));
        assertThat(exists.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(exists.message()).isEqualTo("retention policy already exists");
        MetaResult.Failure conflict = h.fail(create("rp", DAY, 1, 0, true));
        assertThat(conflict.message()).isEqualTo("retention policy conflicts with an existing policy");
        h.ok(create("autogen", 0, 3, 0, true)); // already the default: fine
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no name|''|86400000000000|1|0|retention policy name required",
            "bad name|a/b|86400000000000|1|0|invalid name",
            "dot|.|86400000000000|1|0|invalid name",
            "short|x|3599999999999|1|0|retention policy duration must be at least 1h0m0s",
            "no replicas|x|86400000000000|0|0|replication factor must be greater than 0",
            "long shards|x|86400000000000|1|172800000000000|"
                    + "retention policy duration must be greater than the shard duration"
    })
    void rejectsInvalidPolicies(String label, String name, long duration, int rf, long sgd, String message) {
        MetaResult.Failure failure = withDatabase().fail(create(name, duration, rf, sgd, false));
        assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(failure.message()).isEqualTo(message);
    }

    @Test
    void rejectsUnknownDatabaseAndLongNames() {
        MetaHarness h = withDatabase();
        MetaResult.Failure notFound = h.fail(new MetaCommand.CreateRetentionPolicy("nope",
                RetentionPolicySpec.of("rp", DAY, 1, 0), false));
        assertThat(notFound.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(notFound.message()).isEqualTo("database not found: nope");
        assertThat(h.fail(create("r".repeat(256), DAY, 1, 0, false)).message()).isEqualTo("name too long");
    }

    @Test
    void alterChangesOnlyGivenFieldsAndNotExistingGroups() {
        MetaHarness h = withDatabase();
        h.ok(create("rp", 30 * DAY, 1, 0, false));
        ShardGroupInfo group = h.createGroup("db", "rp", 0);
        RetentionPolicyInfo altered = h.ok(alter("db", "rp", OptionalLong.of(60 * DAY), OptionalInt.of(3),
                OptionalLong.empty()), RetentionPolicyInfo.class);
        assertThat(altered.duration()).isEqualTo(60 * DAY);
        assertThat(altered.replicaN()).isEqualTo(3);
        assertThat(altered.shardGroupDuration()).isEqualTo(DAY); // kept, not re-derived
        assertThat(altered.shardGroups()).containsExactly(group);
        RetentionPolicyInfo sharded = h.ok(alter("db", "rp", OptionalLong.empty(), OptionalInt.empty(),
                OptionalLong.of(HOUR / 4)), RetentionPolicyInfo.class);
        assertThat(sharded.shardGroupDuration()).isEqualTo(HOUR);
        RetentionPolicyInfo derived = h.ok(alter("db", "rp", OptionalLong.empty(), OptionalInt.empty(),
                OptionalLong.of(0)), RetentionPolicyInfo.class);
        assertThat(derived.shardGroupDuration()).isEqualTo(DAY);
    }

    @Test
    void alterRejectsInvalidChanges() {
        MetaHarness h = withDatabase();
        h.ok(create("rp", 30 * DAY, 1, 0, false)); // 1d groups
        assertThat(h.fail(alter("nope", "rp", OptionalLong.of(DAY), OptionalInt.empty(), OptionalLong.empty()))
                .message()).isEqualTo("database not found: nope");
        MetaResult.Failure missing = h.fail(alter("db", "x", OptionalLong.of(DAY), OptionalInt.empty(),
                OptionalLong.empty()));
        assertThat(missing.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(missing.message()).isEqualTo("retention policy not found: x");
        assertThat(h.fail(alter("db", "rp", OptionalLong.of(HOUR / 2), OptionalInt.empty(), OptionalLong.empty()))
                .message()).isEqualTo("retention policy duration must be at least 1h0m0s");
        assertThat(h.fail(alter("db", "rp", OptionalLong.of(2 * HOUR), OptionalInt.empty(), OptionalLong.empty()))
                .message()).isEqualTo("retention policy duration must be greater than the shard duration");
        assertThat(h.fail(alter("db", "rp", OptionalLong.empty(), OptionalInt.empty(), OptionalLong.of(60 * DAY)))
                .message()).isEqualTo("retention policy duration must be greater than the shard duration");
        assertThat(h.fail(alter("db", "rp", OptionalLong.empty(), OptionalInt.of(0), OptionalLong.empty()))
                .message()).isEqualTo("replication factor must be greater than 0");
        h.ok(alter("db", "rp", OptionalLong.of(2 * HOUR), OptionalInt.empty(), OptionalLong.of(HOUR)));
        h.ok(alter("db", "rp", OptionalLong.of(0), OptionalInt.empty(), OptionalLong.empty())); // INF
    }

    @Test
    void alterRenamesAndMovesTheDefault() {
        MetaHarness h = withDatabase();
        h.ok(create("rp", DAY, 1, 0, false));
        var rename = new MetaCommand.AlterRetentionPolicy("db", "autogen", Optional.of("rp"), OptionalLong.empty(),
                OptionalInt.empty(), OptionalLong.empty(), false);
        MetaResult.Failure taken = h.fail(rename);
        assertThat(taken.message()).isEqualTo("retention policy name already exists");
        var renameDefault = new MetaCommand.AlterRetentionPolicy("db", "autogen", Optional.of("forever"),
                OptionalLong.empty(), OptionalInt.empty(), OptionalLong.empty(), false);
        h.ok(renameDefault);
        assertThat(h.meta().database("db").orElseThrow().retentionPolicies()).containsOnlyKeys("forever", "rp");
        assertThat(h.meta().defaultRetentionPolicy("db").map(RetentionPolicyInfo::name)).contains("forever");
        var makeDefault = new MetaCommand.AlterRetentionPolicy("db", "rp", Optional.empty(), OptionalLong.empty(),
                OptionalInt.empty(), OptionalLong.empty(), true);
        h.ok(makeDefault);
        assertThat(h.meta().defaultRetentionPolicy("db").map(RetentionPolicyInfo::name)).contains("rp");
        var badName = new MetaCommand.AlterRetentionPolicy("db", "rp", Optional.of("a/b"), OptionalLong.empty(),
                OptionalInt.empty(), OptionalLong.empty(), false);
        assertThat(h.fail(badName).message()).isEqualTo("invalid name");
    }

    @Test
    void dropRemovesThePolicyClearsTheDefaultAndIsIdempotent() {
        MetaHarness h = withDatabase();
        h.ok(create("rp", DAY, 1, 0, false));
        assertThat(h.ok(new MetaCommand.DropRetentionPolicy("db", "autogen"))).isNull();
        var db = h.meta().database("db").orElseThrow();
        assertThat(db.retentionPolicies()).containsOnlyKeys("rp");
        assertThat(db.defaultRetentionPolicyName()).isEmpty();
        h.ok(new MetaCommand.DropRetentionPolicy("db", "autogen"));
        h.ok(new MetaCommand.DropRetentionPolicy("nope", "autogen"));
        assertThat(h.meta().database("db")).contains(db);
    }

    @Test
    void newGroupsUseTheAlteredReplicationFactor() {
        MetaHarness h = MetaHarness.cluster(4);
        h.hourlyDatabase("db", "rp", 1);
        assertThat(h.createGroup("db", "rp", 0).shards()).hasSize(4);
        h.ok(alter("db", "rp", OptionalLong.empty(), OptionalInt.of(2), OptionalLong.empty()));
        assertThat(h.policy("db", "rp").shardGroupAt(0).orElseThrow().shards()).hasSize(4);
        assertThat(h.createGroup("db", "rp", HOUR).shards()).hasSize(2);
        assertThat(h.policy("db", "rp").shardGroupDuration()).isEqualTo(HOUR);
    }
}
