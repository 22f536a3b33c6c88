package io.shardline.datanode.entropy;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.meta.client.ClusterView;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PassPlannerTest {

    private static final long HOUR = 3_600_000_000_000L;
    private static final long NOW = 1_700_000_000_000_000_000L;

    /** Node 4's view: shard 1 {4,5}, shard 2 {4,5,6}, shard 3 {4} (RF 1 policy), shard 4 {4,5} in a future group, shard 5 {4,5} deleted. */
    private static ClusterView view() {
        RetentionPolicyInfo two = RetentionPolicyInfo.of("two", 0, HOUR, 2)
                .withShardGroup(new ShardGroupInfo(1, NOW - HOUR, NOW + HOUR, 0, 0,
                        List.of(new ShardInfo(1, List.of(4L, 5L)), new ShardInfo(2, List.of(4L, 5L, 6L)))))
                .withShardGroup(new ShardGroupInfo(3, NOW + HOUR, NOW + 2 * HOUR, 0, 0,
                        List.of(new ShardInfo(4, List.of(4L, 5L)))))
                .withShardGroup(new ShardGroupInfo(4, NOW - 3 * HOUR, NOW - 2 * HOUR, 0, NOW - HOUR,
                        List.of(new ShardInfo(5, List.of(4L, 5L)))));
        RetentionPolicyInfo one = RetentionPolicyInfo.of("one", 0, HOUR, 1)
                .withShardGroup(new ShardGroupInfo(2, NOW - HOUR, NOW + HOUR, 0, 0, List.of(new ShardInfo(3, List.of(4L)))));
        DatabaseInfo db = DatabaseInfo.empty("db").withRetentionPolicy(two).withRetentionPolicy(one)
                .withDefaultRetentionPolicy("two");
        List<NodeInfo> nodes = List.of(new NodeInfo(4, "a:8088", "a:8086"), new NodeInfo(5, "b:8088", "b:8086"),
                new NodeInfo(6, "c:8088", "c:8086"));
        return ClusterView.of(new ClusterMetadata(List.of(), nodes, new TreeMap<>(Map.of("db", db)), 6, 4, 5, 3));
    }

    private static PassPlan plan(Set<Long> local, Set<Long> live, Set<Long> held) {
        return PassPlanner.plan(new PassInput(4, view(), local, Set.of(), live, held, NOW, true));
    }

    @Test
    void localShardsAreComparedWithTheNextLiveOwnersInOrder() {
        PassPlan p = plan(Set.of(1L, 2L, 3L), Set.of(4L, 5L, 6L), Set.of());
        assertThat(p.checks()).extracting(c -> c.location().shardId()).containsExactly(1L, 2L);
        // shard 2: order of {4,5,6} rotated by 2 mod 3 = [6, 4, 5]: after 4 come 5 then 6
        assertThat(p.checks().get(1).peers()).containsExactly(5L, 6L);
        assertThat(plan(Set.of(2L), Set.of(4L, 6L), Set.of()).checks().get(0).peers()).containsExactly(6L);
    }

    @Test
    void deletedGroupsAreLeftAloneAndFutureGroupsAreNotLookedFor() {
        PassPlan p = plan(Set.of(), Set.of(4L, 5L, 6L), Set.of(4L, 5L));
        assertThat(p.owned()).doesNotContain(5L);
        assertThat(p.absent()).extracting(a -> a.location().shardId()).containsExactly(1L, 2L);
    }

    @Test
    void anAbsentShardIsLookedForOnTheOtherLiveOwners() {
        PassPlan p = plan(Set.of(3L), Set.of(4L, 6L), Set.of(1L));
        assertThat(p.absent()).extracting(a -> a.location().shardId()).containsExactly(2L);
        assertThat(p.absent().get(0).sources()).containsExactly(6L);
        assertThat(p.unrestorable()).as("held before, no other owner live").extracting(l -> l.shardId())
                .containsExactly(1L);
    }

    @Test
    void anRf1ShardLostHereIsReportedOnlyIfThisNodeHeldIt() {
        assertThat(plan(Set.of(1L, 2L), Set.of(4L, 5L, 6L), Set.of(3L)).unrestorable()).extracting(l -> l.shardId())
                .containsExactly(3L);
        assertThat(plan(Set.of(1L, 2L), Set.of(4L, 5L, 6L), Set.of()).unrestorable()).as("never written").isEmpty();
    }

    @Test
    void withoutAutoRepairMissingNothingIsLookedFor() {
        PassPlan p = PassPlanner.plan(new PassInput(4, view(), Set.of(), Set.of(), null, Set.of(), NOW, false));
        assertThat(p.absent()).isEmpty();
    }

    @Test
    void anEmptyViewOrAnUnregisteredNodePlansNothing() {
        assertThat(PassPlanner.plan(new PassInput(0, view(), Set.of(1L), Set.of(), null, Set.of(), NOW, true)))
                .isEqualTo(PassPlan.EMPTY);
        assertThat(PassPlanner.plan(new PassInput(4, ClusterView.EMPTY, Set.of(1L), Set.of(), null, Set.of(), NOW, true)))
                .isEqualTo(PassPlan.EMPTY);
    }
}
