package io.shardline.meta.state;

import static io.shardline.meta.state.MetaHarness.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.ShardGroupInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruncateShardGroupsTest {

    private static final long BASE = 1_000 * HOUR;

    /** Hourly groups at hours 0..4 after BASE, group 2 deleted. */
    private static MetaHarness fiveHours() {
        MetaHarness h = MetaHarness.cluster(2);
        h.hourlyDatabase("db", "rp", 1);
        for (int i = 0; i < 5; i++) {
            h.createGroup("db", "rp", BASE + i * HOUR);
        }
        h.ok(new MetaCommand.DeleteShardGroup("db", "rp", 3, BASE));
        return h;
    }

    private static ShardGroupInfo group(MetaHarness h, long id) {
        return h.policy("db", "rp").shardGroup(id).orElseThrow();
    }

    @Test
    void hotGroupIsCutAndFutureGroupsAreEmptied() {
        MetaHarness h = fiveHours();
        long t = BASE + HOUR + HOUR / 4; // inside group 2 (hour 1)
        List<ShardGroupInfo> changed = h.okList(new MetaCommand.TruncateShardGroups(t), ShardGroupInfo.class);
        assertThat(changed).map(ShardGroupInfo::id).containsExactly(2L, 4L, 5L);
        assertThat(group(h, 1).truncated()).isFalse();              // ended before t
        assertThat(group(h, 2).truncatedAt()).isEqualTo(t);         // hot: cut at t
        assertThat(group(h, 3).truncated()).isFalse();              // deleted: untouched
        assertThat(group(h, 4).truncatedAt()).isEqualTo(group(h, 4).startTime()); // future: emptied
        assertThat(group(h, 5).live()).isFalse();
        assertThat(h.policy("db", "rp").shardGroupAt(t)).isEmpty();
        assertThat(h.policy("db", "rp").shardGroupAt(t - 1)).map(ShardGroupInfo::id).contains(2L);
    }

    @Test
    void boundariesFollowTheReference() {
        MetaHarness h = fiveHours();
        long groupTwoEnd = group(h, 2).endTime();
        h.ok(new MetaCommand.TruncateShardGroups(groupTwoEnd)); // t == end of group 2: untouched
        assertThat(group(h, 2).truncated()).isFalse();
        assertThat(group(h, 4).truncatedAt()).isEqualTo(group(h, 4).startTime()); // later groups: emptied
        MetaHarness exact = fiveHours();
        long startOfFour = group(exact, 4).startTime();
        exact.ok(new MetaCommand.TruncateShardGroups(startOfFour)); // t == start: emptied
        assertThat(group(exact, 4).truncatedAt()).isEqualTo(startOfFour);
        assertThat(group(exact, 4).live()).isFalse();
    }

    @Test
    void anEarlierTruncationWinsAndALaterOneIsIgnored() {
        MetaHarness h = fiveHours();
        long end = group(h, 5).endTime();
        h.ok(new MetaCommand.TruncateShardGroups(end - HOUR / 2));
        assertThat(group(h, 5).truncatedAt()).isEqualTo(end - HOUR / 2);
        h.ok(new MetaCommand.TruncateShardGroups(end - HOUR / 4)); // later: already truncated before it
        assertThat(group(h, 5).truncatedAt()).isEqualTo(end - HOUR / 2);
        h.ok(new MetaCommand.TruncateShardGroups(end - 3 * HOUR / 4)); // earlier: moves back
        assertThat(group(h, 5).truncatedAt()).isEqualTo(end - 3 * HOUR / 4);
    }

    @Test
    void newGroupsAfterTruncationUseTheCurrentNodes() {
        MetaHarness h = MetaHarness.cluster(1);
        h.hourlyDatabase("db", "rp", 1);
        ShardGroupInfo before = h.createGroup("db", "rp", BASE);
        long added = h.addDataNode("late");
        assertThat(h.createGroup("db", "rp", BASE + 1)).isEqualTo(before); // membership changes nothing
        long t = BASE + HOUR / 2;
        h.ok(new MetaCommand.TruncateShardGroups(t));
        ShardGroupInfo after = h.createGroup("db", "rp", t);
        assertThat(after.startTime()).isEqualTo(t);
        assertThat(after.shards()).hasSize(2);
        assertThat(after.shards().stream().anyMatch(s -> s.ownedBy(added))).isTrue();
    }

    @Test
    void rejectsTimesAtOrBeforeTheEpoch() {
        MetaHarness h = fiveHours();
        assertThat(h.fail(new MetaCommand.TruncateShardGroups(0)).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(h.fail(new MetaCommand.TruncateShardGroups(-5)).message())
                .isEqualTo("truncate time must be after the Unix epoch: -5");
    }
}
