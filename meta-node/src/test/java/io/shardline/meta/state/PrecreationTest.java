package io.shardline.meta.state;

import static io.shardline.meta.state.MetaHarness.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.ShardGroupInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecreationTest {

    private static final long BASE = 20_000 * HOUR;
    private static final long ADVANCE = HOUR / 2; // [shard-precreation] advance-period default 30m

    private static MetaHarness hourly() {
        MetaHarness h = MetaHarness.cluster(2);
        h.hourlyDatabase("db", "rp", 1);
        h.createGroup("db", "rp", BASE);
        return h;
    }

    private static List<ShardGroupInfo> precreate(MetaHarness h, long now) {
        return h.okList(new MetaCommand.PrecreateShardGroups(now, ADVANCE), ShardGroupInfo.class);
    }

    @Test
    void createsTheSuccessorWhenTheCurrentGroupEndsWithinTheAdvancePeriod() {
        MetaHarness h = hourly();
        assertThat(precreate(h, BASE + HOUR / 4)).isEmpty(); // ends in 45m
        List<ShardGroupInfo> created = precreate(h, BASE + 40 * HOUR / 60); // ends in 20m
        assertThat(created).hasSize(1);
        ShardGroupInfo successor = created.get(0);
        assertThat(successor.startTime()).isEqualTo(BASE + HOUR);
        assertThat(successor.endTime()).isEqualTo(BASE + 2 * HOUR);
        assertThat(successor.shards()).hasSize(2);
        assertThat(precreate(h, BASE + 50 * HOUR / 60)).isEmpty(); // exists already
        assertThat(h.policy("db", "rp").shardGroups()).hasSize(2);
    }

    @Test
    void neverCreatesGroupsPartlyInThePast() {
        MetaHarness h = hourly();
        assertThat(precreate(h, BASE + HOUR)).isEmpty();       // the group has ended
        assertThat(precreate(h, BASE + 5 * HOUR)).isEmpty();
        assertThat(precreate(h, BASE + HOUR - ADVANCE)).isEmpty(); // ends exactly at now + advance
        assertThat(precreate(h, BASE + HOUR - 1)).hasSize(1);
    }

    @Test
    void successorOfATruncatedGroupStartsAtTheTruncationTime() {
        MetaHarness h = hourly();
        long t = BASE + HOUR / 2;
        h.ok(new MetaCommand.TruncateShardGroups(t));
        List<ShardGroupInfo> created = precreate(h, t - 60_000_000_000L);
        assertThat(created).hasSize(1);
        assertThat(created.get(0).startTime()).isEqualTo(t);
        assertThat(created.get(0).endTime()).isEqualTo(BASE + HOUR);
    }

    @Test
    void coversEveryPolicyInNameOrderWithAscendingIds() {
        MetaHarness h = MetaHarness.cluster(2);
        for (String db : List.of("b", "a")) {
            h.hourlyDatabase(db, "rp2", 1);
            h.createPolicy(db, "rp1", 0, 1, HOUR, false);
            h.createGroup(db, "rp2", BASE);
            h.createGroup(db, "rp1", BASE);
        }
        List<ShardGroupInfo> created = precreate(h, BASE + HOUR - 1);
        assertThat(created).map(ShardGroupInfo::id).containsExactly(5L, 6L, 7L, 8L);
        assertThat(h.policy("a", "rp1").shardGroupAt(BASE + HOUR)).map(ShardGroupInfo::id).contains(5L);
        assertThat(h.policy("b", "rp2").shardGroupAt(BASE + HOUR)).map(ShardGroupInfo::id).contains(8L);
    }

    @Test
    void withoutDataNodesNothingIsCreated() {
        MetaHarness h = hourly();
        h.ok(new MetaCommand.RemoveDataNode(4));
        h.ok(new MetaCommand.RemoveDataNode(5));
        assertThat(precreate(h, BASE + HOUR - 1)).isEmpty();
        assertThat(h.fail(new MetaCommand.PrecreateShardGroups(BASE, -1)).code())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
}
