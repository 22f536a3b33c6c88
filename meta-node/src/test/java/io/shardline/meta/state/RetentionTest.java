package io.shardline.meta.state;

import static io.shardline.meta.state.MetaHarness.DAY;
import static io.shardline.meta.state.MetaHarness.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.ShardGroupInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retention enforcement, DROP of one shard group, and pruning of deleted groups. */
class RetentionTest {

    private static final long BASE = 10_000 * HOUR;

    /** db with "day" (1d, 1h groups) and autogen (INF); groups at BASE in both. */
    private static MetaHarness cluster() {
        MetaHarness h = MetaHarness.cluster(2);
        h.createDatabase("db");
        h.createPolicy("db", "day", DAY, 1, 0, false);
        h.createGroup("db", "day", BASE);
        h.createGroup("db", "day", BASE + HOUR);
        h.createGroup("db", "autogen", BASE);
        return h;
    }

    @Test
    void deletesGroupsWhoseEndPlusDurationIsBeforeNow() {
        MetaHarness h = cluster();
        long firstExpiry = BASE + HOUR + DAY;
        assertThat(h.okList(new MetaCommand.EnforceRetention(firstExpiry), ShardGroupInfo.class)).isEmpty();
        List<ShardGroupInfo> deleted =
                h.okList(new MetaCommand.EnforceRetention(firstExpiry + 1), ShardGroupInfo.class);
        assertThat(deleted).map(ShardGroupInfo::id).containsExactly(1L);
        ShardGroupInfo group = h.policy("db", "day").shardGroup(1).orElseThrow();
        assertThat(group.deletedAt()).isEqualTo(firstExpiry + 1);
        assertThat(h.policy("db", "day").shardGroup(2).orElseThrow().deleted()).isFalse();
    }

    @Test
    void infinitePoliciesNeverExpireAndDeletionTimesAreKept() {
        MetaHarness h = cluster();
        long farFuture = BASE + 10_000 * DAY;
        assertThat(h.okList(new MetaCommand.EnforceRetention(farFuture), ShardGroupInfo.class))
                .map(ShardGroupInfo::id).containsExactly(1L, 2L);
        assertThat(h.okList(new MetaCommand.EnforceRetention(farFuture + 1), ShardGroupInfo.class)).isEmpty();
        assertThat(h.policy("db", "day").shardGroups()).allMatch(g -> g.deletedAt() == farFuture);
        assertThat(h.policy("db", "autogen").shardGroups()).noneMatch(ShardGroupInfo::deleted);
    }

    @Test
    void truncatedGroupsExpireByTheirNominalEnd() {
        MetaHarness h = cluster();
        h.ok(new MetaCommand.TruncateShardGroups(BASE + HOUR / 2));
        long nominalExpiry = BASE + HOUR + DAY;
        assertThat(h.okList(new MetaCommand.EnforceRetention(nominalExpiry), ShardGroupInfo.class)).isEmpty();
        assertThat(h.okList(new MetaCommand.EnforceRetention(nominalExpiry + 1), ShardGroupInfo.class))
                .map(ShardGroupInfo::id).containsExactly(1L);
    }

    @Test
    void rejectsTimesAtOrBeforeTheEpoch() {
        assertThat(cluster().fail(new MetaCommand.EnforceRetention(0)).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void deleteShardGroupIsIdempotentAndReportsMissingThings() {
        MetaHarness h = cluster();
        ShardGroupInfo deleted = h.ok(new MetaCommand.DeleteShardGroup("db", "day", 2, 100), ShardGroupInfo.class);
        assertThat(deleted.deletedAt()).isEqualTo(100);
        assertThat(h.ok(new MetaCommand.DeleteShardGroup("db", "day", 2, 200), ShardGroupInfo.class))
                .isEqualTo(deleted);
        assertThat(h.fail(new MetaCommand.DeleteShardGroup("db", "day", 3, 100)).message())
                .isEqualTo("shard group not found");
        assertThat(h.fail(new MetaCommand.DeleteShardGroup("db", "nope", 2, 100)).message())
                .isEqualTo("retention policy not found: nope");
        assertThat(h.fail(new MetaCommand.DeleteShardGroup("nope", "day", 2, 100)).message())
                .isEqualTo("database not found: nope");
        assertThat(h.fail(new MetaCommand.DeleteShardGroup("db", "day", 1, 0)).code())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void pruneForgetsGroupsDeletedBeforeTheGivenTime() {
        MetaHarness h = cluster();
        h.ok(new MetaCommand.DeleteShardGroup("db", "day", 1, 100));
        h.ok(new MetaCommand.DeleteShardGroup("db", "day", 2, 200));
        assertThat(h.okList(new MetaCommand.PruneShardGroups(100), ShardGroupInfo.class)).isEmpty();
        assertThat(h.okList(new MetaCommand.PruneShardGroups(150), ShardGroupInfo.class))
                .map(ShardGroupInfo::id).containsExactly(1L);
        assertThat(h.policy("db", "day").shardGroups()).map(ShardGroupInfo::id).containsExactly(2L);
        assertThat(h.policy("db", "autogen").shardGroups()).hasSize(1);
        assertThat(h.createGroup("db", "day", BASE).id()).isEqualTo(4); // ids are not reused
    }
}
