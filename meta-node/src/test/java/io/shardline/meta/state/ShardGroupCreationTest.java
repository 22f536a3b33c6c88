package io.shardline.meta.state;

import static io.shardline.meta.state.MetaHarness.DAY;
import static io.shardline.meta.state.MetaHarness.HOUR;
import static io.shardline.meta.state.MetaHarness.WEEK;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ShardGroupCreationTest {

    private static final long T = 1_257_894_000_000_000_000L; // 2009-11-10T23:00:00Z

    @Test
    void autogenGroupsAreSevenDaysStartingOnMonday() {
        MetaHarness h = MetaHarness.cluster(1);
        h.createDatabase("db");
        ShardGroupInfo group = h.createGroup("db", "autogen", 0);
        assertThat(group.startTime()).isEqualTo(-259_200_000_000_000L);
        assertThat(group.endTime()).isEqualTo(345_600_000_000_000L);
        ShardGroupInfo later = h.createGroup("db", "autogen", T);
        assertThat(later.startTime()).isEqualTo(1_257_724_800_000_000_000L);
        assertThat(later.endTime()).isEqualTo(1_257_724_800_000_000_000L + WEEK);
    }

    @ParameterizedTest(name = "RP duration {0} -> group [{1}, {2})")
    @CsvSource({
            "86400000000000, 1257894000000000000, 1257897600000000000",     // 1d RP -> 1h groups
            "2592000000000000, 1257811200000000000, 1257897600000000000",   // 30d RP -> 1d groups
            "0, 1257724800000000000, 1258329600000000000"                   // INF -> 7d groups
    })
    void groupBoundariesFollowThePolicyDuration(long duration, long start, long end) {
        MetaHarness h = MetaHarness.cluster(1);
        h.createDatabase("db");
        h.createPolicy("db", "rp", duration, 1, 0, false);
        ShardGroupInfo group = h.createGroup("db", "rp", T);
        assertThat(group.startTime()).isEqualTo(start);
        assertThat(group.endTime()).isEqualTo(end);
    }

    @Test
    void negativeTimesAlignDownwards() {
        MetaHarness h = MetaHarness.cluster(1);
        h.hourlyDatabase("db", "rp", 1);
        ShardGroupInfo group = h.createGroup("db", "rp", -1);
        assertThat(group.startTime()).isEqualTo(-3_600_000_000_000L);
        assertThat(group.endTime()).isZero();
    }

    @Test
    void isIdempotentForEveryTimeInTheGroup() {
        MetaHarness h = MetaHarness.cluster(2);
        h.hourlyDatabase("db", "rp", 1);
        ShardGroupInfo group = h.createGroup("db", "rp", 10 * HOUR + 5);
        assertThat(h.createGroup("db", "rp", 10 * HOUR)).isEqualTo(group);
        assertThat(h.createGroup("db", "rp", 11 * HOUR - 1)).isEqualTo(group);
        assertThat(h.meta().maxShardGroupId()).isEqualTo(1);
        assertThat(h.policy("db", "rp").shardGroups()).containsExactly(group);
    }

    @Test
    void idsComeFromSequencesThatNeverGoBack() {
        MetaHarness h = MetaHarness.cluster(2);
        h.hourlyDatabase("db", "rp", 1);
        ShardGroupInfo first = h.createGroup("db", "rp", 0);
        ShardGroupInfo second = h.createGroup("db", "rp", HOUR);
        assertThat(first.id()).isEqualTo(1);
        assertThat(first.shards()).map(ShardInfo::id).containsExactly(1L, 2L);
        assertThat(second.id()).isEqualTo(2);
        assertThat(second.shards()).map(ShardInfo::id).containsExactly(3L, 4L);
        h.ok(new MetaCommand.DropDatabase("db"));
        h.hourlyDatabase("db", "rp", 1);
        ShardGroupInfo third = h.createGroup("db", "rp", 0);
        assertThat(third.id()).isEqualTo(3);
        assertThat(third.shards()).map(ShardInfo::id).containsExactly(5L, 6L);
        assertThat(h.meta().maxShardId()).isEqualTo(6);
    }

    @ParameterizedTest(name = "{0} data nodes, RF {1} -> {2} shards x {3} owners")
    @CsvSource({"1, 1, 1, 1", "1, 3, 1, 1", "2, 2, 1, 2", "3, 2, 1, 2", "4, 2, 2, 2", "5, 2, 2, 2",
            "5, 3, 1, 3", "6, 3, 2, 3", "3, 1, 3, 1"})
    void placesFloorOfNodesOverReplicationShardsWithDistinctOwners(int nodes, int rf, int shards, int owners) {
        MetaHarness h = MetaHarness.cluster(nodes);
        h.hourlyDatabase("db", "rp", rf);
        ShardGroupInfo group = h.createGroup("db", "rp", 0);
        assertThat(group.shards()).hasSize(shards);
        for (ShardInfo shard : group.shards()) {
            assertThat(shard.owners()).hasSize(owners).doesNotHaveDuplicates();
            assertThat(h.meta().dataNodeIds()).containsAll(shard.owners());
        }
    }

    static Stream<Arguments> clusters() {
        return Stream.of(2, 3, 4, 5).flatMap(n -> Stream.of(1, 2, 3).map(rf -> Arguments.of(n, rf)));
    }

    @ParameterizedTest(name = "{0} data nodes, RF {1}")
    @MethodSource("clusters")
    void everyDataNodeOwnsShardsAcrossAHandfulOfConsecutiveGroups(int nodes, int rf) {
        MetaHarness h = MetaHarness.cluster(nodes);
        h.hourlyDatabase("db", "rp", rf);
        h.createPolicy("db", "daily", 30 * DAY, rf, 0, false);
        for (String rp : List.of("rp", "daily")) {
            long duration = h.policy("db", rp).shardGroupDuration();
            Set<Long> owners = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                h.createGroup("db", rp, T + i * duration).shards().forEach(s -> owners.addAll(s.owners()));
            }
            assertThat(owners).as("policy %s", rp).containsExactlyInAnyOrderElementsOf(h.meta().dataNodeIds());
        }
    }

    @Test
    void withoutDataNodesCreationFailsClearly() {
        MetaHarness h = MetaHarness.cluster(0);
        h.createDatabase("db");
        MetaResult.Failure failure = h.fail(new MetaCommand.CreateShardGroup("db", "autogen", 0));
        assertThat(failure.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION);
        assertThat(failure.message()).isEqualTo("no data nodes in the cluster to own shards");
    }

    @Test
    void unknownDatabaseOrPolicyAndOutOfRangeTimesAreRejected() {
        MetaHarness h = MetaHarness.cluster(1);
        h.createDatabase("db");
        assertThat(h.fail(new MetaCommand.CreateShardGroup("nope", "autogen", 0)).message())
                .isEqualTo("database not found: nope");
        MetaResult.Failure rp = h.fail(new MetaCommand.CreateShardGroup("db", "nope", 0));
        assertThat(rp.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(rp.message()).isEqualTo("retention policy not found: nope");
        assertThat(h.fail(new MetaCommand.CreateShardGroup("db", "autogen", Long.MAX_VALUE)).code())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(h.fail(new MetaCommand.CreateShardGroup("db", "autogen", Long.MIN_VALUE)).code())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void groupsAtTheEdgesOfTimeAreClamped() {
        MetaHarness h = MetaHarness.cluster(1);
        h.createDatabase("db");
        ShardGroupInfo last = h.createGroup("db", "autogen", ShardGroupTimes.MAX_NANO_TIME);
        assertThat(last.endTime()).isEqualTo(Long.MAX_VALUE);
        assertThat(last.contains(ShardGroupTimes.MAX_NANO_TIME)).isTrue();
        ShardGroupInfo first = h.createGroup("db", "autogen", ShardGroupTimes.MIN_NANO_TIME);
        assertThat(first.startTime()).isEqualTo(ShardGroupTimes.MIN_NANO_TIME);
    }

    @Test
    void aWriteAfterTruncationOpensAGroupStartingAtTheTruncationTime() {
        MetaHarness h = MetaHarness.cluster(1);
        h.createDatabase("db"); // 7d groups
        ShardGroupInfo hot = h.createGroup("db", "autogen", T);
        long truncateAt = T + 60_000_000_000L;
        h.ok(new MetaCommand.TruncateShardGroups(truncateAt));
        assertThat(h.createGroup("db", "autogen", T)).isEqualTo(hot.withTruncatedAt(truncateAt));
        ShardGroupInfo next = h.createGroup("db", "autogen", truncateAt);
        assertThat(next.id()).isEqualTo(2);
        assertThat(next.startTime()).isEqualTo(truncateAt);
        assertThat(next.endTime()).isEqualTo(hot.endTime());
    }

    @Test
    void aNewGroupEndsWhereALaterLiveGroupStarts() {
        MetaHarness h = MetaHarness.cluster(1);
        h.hourlyDatabase("db", "rp", 1);
        ShardGroupInfo first = h.createGroup("db", "rp", 0);
        h.ok(new MetaCommand.TruncateShardGroups(HOUR / 2));
        ShardGroupInfo second = h.createGroup("db", "rp", HOUR / 2 + 1); // [30m, 1h)
        assertThat(second.startTime()).isEqualTo(HOUR / 2);
        h.ok(new MetaCommand.DeleteShardGroup("db", "rp", first.id(), 5));
        ShardGroupInfo third = h.createGroup("db", "rp", 10); // aligned [0, 1h), cut at 30m
        assertThat(third.startTime()).isZero();
        assertThat(third.endTime()).isEqualTo(HOUR / 2);
    }

    @Test
    void aDeletedGroupNoLongerCoversItsTime() {
        MetaHarness h = MetaHarness.cluster(1);
        h.hourlyDatabase("db", "rp", 1);
        ShardGroupInfo first = h.createGroup("db", "rp", 0);
        h.ok(new MetaCommand.DeleteShardGroup("db", "rp", first.id(), 7));
        ShardGroupInfo again = h.createGroup("db", "rp", 0);
        assertThat(again.id()).isEqualTo(2);
        assertThat(again.startTime()).isEqualTo(first.startTime());
        assertThat(again.endTime()).isEqualTo(first.endTime());
        assertThat(h.policy("db", "rp").shardGroups()).hasSize(2);
    }
}
