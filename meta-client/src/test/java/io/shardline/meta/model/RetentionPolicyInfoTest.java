package io.shardline.meta.model;

import static io.shardline.meta.model.Groups.HOUR;
import static io.shardline.meta.model.Groups.hourGroup;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetentionPolicyInfoTest {

    private static final long DAY = 24 * HOUR;

    /** Hours 0..9 with: hour 2 deleted, hour 5 truncated at 5h30m, hour 7 emptied, hour 8 missing. */
    private static RetentionPolicyInfo policy() {
        List<ShardGroupInfo> groups = new ArrayList<>();
        for (int hour = 9; hour >= 0; hour--) { // reverse order: the constructor sorts
            ShardGroupInfo group = hourGroup(hour + 1, hour);
            if (hour == 2) {
                group = group.withDeletedAt(1);
            } else if (hour == 5) {
                group = group.withTruncatedAt(5 * HOUR + HOUR / 2);
            } else if (hour == 7) {
                group = group.withTruncatedAt(group.startTime());
            } else if (hour == 8) {
                continue;
            }
            groups.add(group);
        }
        return new RetentionPolicyInfo("rp", 3 * DAY, HOUR, 2, groups);
    }

    @Test
    void keepsGroupsSortedByStartTime() {
        List<Long> starts = policy().shardGroups().stream().map(ShardGroupInfo::startTime).toList();
        assertThat(starts).isSorted();
    }

    @Test
    void findsTheGroupContainingATime() {
        RetentionPolicyInfo policy = policy();
        assertThat(policy.shardGroupAt(0)).map(ShardGroupInfo::id).contains(1L);
        assertThat(policy.shardGroupAt(HOUR - 1)).map(ShardGroupInfo::id).contains(1L);
        assertThat(policy.shardGroupAt(HOUR)).map(ShardGroupInfo::id).contains(2L);
        assertThat(policy.shardGroupAt(2 * HOUR + 5)).isEmpty(); // deleted
        assertThat(policy.shardGroupAt(5 * HOUR + HOUR / 2 - 1)).map(ShardGroupInfo::id).contains(6L);
        assertThat(policy.shardGroupAt(5 * HOUR + HOUR / 2)).isEmpty(); // truncated
        assertThat(policy.shardGroupAt(7 * HOUR)).isEmpty(); // emptied
        assertThat(policy.shardGroupAt(8 * HOUR)).isEmpty(); // missing
        assertThat(policy.shardGroupAt(9 * HOUR)).map(ShardGroupInfo::id).contains(10L);
        assertThat(policy.shardGroupAt(-1)).isEmpty();
        assertThat(policy.shardGroupAt(10 * HOUR)).isEmpty();
    }

    @Test
    void binarySearchAgreesWithALinearScan() {
        RetentionPolicyInfo policy = policy();
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            long t = random.nextLong(-HOUR, 11 * HOUR);
            Optional<ShardGroupInfo> linear = policy.shardGroups().stream().filter(g -> g.contains(t)).findFirst();
            assertThat(policy.shardGroupAt(t)).as("t=%d", t).isEqualTo(linear);
        }
    }

    @Test
    void findsNeighbouringLiveGroups() {
        RetentionPolicyInfo policy = policy();
        assertThat(policy.previousShardGroup(2 * HOUR + 1)).map(ShardGroupInfo::id).contains(2L);
        assertThat(policy.nextShardGroup(2 * HOUR + 1)).map(ShardGroupInfo::id).contains(4L);
        assertThat(policy.previousShardGroup(8 * HOUR)).map(ShardGroupInfo::id).contains(7L);
        assertThat(policy.nextShardGroup(7 * HOUR)).map(ShardGroupInfo::id).contains(10L);
        assertThat(policy.nextShardGroup(9 * HOUR)).isEmpty();
        assertThat(policy.previousShardGroup(-1)).isEmpty();
    }

    @Test
    void listsLiveGroupsOverlappingAnInclusiveRange() {
        RetentionPolicyInfo policy = policy();
        assertThat(policy.shardGroupsOverlapping(HOUR - 1, 3 * HOUR)).map(ShardGroupInfo::id)
                .containsExactly(1L, 2L, 4L);
        assertThat(policy.shardGroupsOverlapping(5 * HOUR + HOUR / 2, 9 * HOUR - 1)).map(ShardGroupInfo::id)
                .containsExactly(7L);
        assertThat(policy.shardGroupsOverlapping(Long.MIN_VALUE, Long.MAX_VALUE)).hasSize(7);
        assertThat(policy.shardGroupsOverlapping(20 * HOUR, 30 * HOUR)).isEmpty();
    }

    @Test
    void expiresGroupsOfFinitePoliciesOnly() {
        ShardGroupInfo group = hourGroup(1, 0);
        RetentionPolicyInfo finite = RetentionPolicyInfo.of("rp", DAY, HOUR, 1);
        assertThat(finite.expiryTime(group)).hasValue(HOUR + DAY);
        assertThat(finite.expired(group, HOUR + DAY)).isFalse();
        assertThat(finite.expired(group, HOUR + DAY + 1)).isTrue();
        RetentionPolicyInfo infinite = RetentionPolicyInfo.of("autogen", 0, 7 * DAY, 1);
        assertThat(infinite.infinite()).isTrue();
        assertThat(infinite.expiryTime(group)).isEmpty();
        assertThat(infinite.expired(group, Long.MAX_VALUE)).isFalse();
        ShardGroupInfo last = Groups.group(2, Long.MAX_VALUE - HOUR, Long.MAX_VALUE, 1);
        assertThat(finite.expiryTime(last)).hasValue(Long.MAX_VALUE);
        assertThat(finite.expired(last, Long.MAX_VALUE)).isFalse();
    }

    @Test
    void replacesOrInsertsGroupsById() {
        RetentionPolicyInfo policy = RetentionPolicyInfo.of("rp", 0, HOUR, 1)
                .withShardGroup(hourGroup(2, 5))
                .withShardGroup(hourGroup(1, 3));
        assertThat(policy.shardGroups()).map(ShardGroupInfo::id).containsExactly(1L, 2L);
        RetentionPolicyInfo deleted = policy.withShardGroup(hourGroup(2, 5).withDeletedAt(9));
        assertThat(deleted.shardGroups()).hasSize(2);
        assertThat(deleted.shardGroup(2)).map(ShardGroupInfo::deleted).contains(true);
        assertThat(deleted.shardGroup(3)).isEmpty();
    }
}
