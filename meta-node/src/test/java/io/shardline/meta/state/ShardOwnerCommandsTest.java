package io.shardline.meta.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import org.junit.jupiter.api.Test;

class ShardOwnerCommandsTest {

    /** Three data nodes, one group with one shard owned by two of them. */
    private static MetaHarness cluster() {
        MetaHarness h = MetaHarness.cluster(3);
        h.hourlyDatabase("db", "rp", 2);
        h.createGroup("db", "rp", 0);
        return h;
    }

    private static long idle(MetaHarness h) {
        ShardInfo shard = h.meta().shard(1).orElseThrow().shard();
        return h.meta().dataNodeIds().stream().filter(id -> !shard.ownedBy(id)).findFirst().orElseThrow();
    }

    @Test
    void addOwnerAppendsOnce() {
        MetaHarness h = cluster();
        long node = idle(h);
        ShardInfo before = h.meta().shard(1).orElseThrow().shard();
        ShardInfo after = h.ok(new MetaCommand.AddShardOwner(1, node), ShardInfo.class);
        assertThat(after.owners()).containsExactly(before.owners().get(0), before.owners().get(1), node);
        assertThat(h.meta().shardOwners(1)).isEqualTo(after.owners());
        var unchanged = h.meta();
        assertThat(h.ok(new MetaCommand.AddShardOwner(1, node), ShardInfo.class)).isEqualTo(after);
        assertThat(h.meta()).isEqualTo(unchanged.withVersion(h.index()));
    }

    @Test
    void addOwnerNeedsAnExistingShardAndDataNode() {
        MetaHarness h = cluster();
        assertThat(h.fail(new MetaCommand.AddShardOwner(99, 4)).message()).isEqualTo("shard not found: 99");
        MetaResult.Failure meta = h.fail(new MetaCommand.AddShardOwner(1, 2));
        assertThat(meta.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(meta.message()).isEqualTo("node not found: 2");
    }

    @Test
    void removeOwnerIsIdempotentAndMayLeaveAShardWithoutOwners() {
        MetaHarness h = cluster();
        ShardInfo shard = h.meta().shard(1).orElseThrow().shard();
        long first = shard.owners().get(0);
        long second = shard.owners().get(1);
        assertThat(h.ok(new MetaCommand.RemoveShardOwner(1, first), ShardInfo.class).owners())
                .containsExactly(second);
        h.ok(new MetaCommand.RemoveShardOwner(1, first));
        h.ok(new MetaCommand.RemoveShardOwner(1, second));
        assertThat(h.meta().shardOwners(1)).isEmpty();
        assertThat(h.fail(new MetaCommand.RemoveShardOwner(42, first)).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void ownersOfShardsInDeletedGroupsCanChangeToo() {
        MetaHarness h = cluster();
        h.ok(new MetaCommand.DeleteShardGroup("db", "rp", 1, 10));
        long node = idle(h);
        h.ok(new MetaCommand.AddShardOwner(1, node));
        ShardGroupInfo group = h.policy("db", "rp").shardGroup(1).orElseThrow();
        assertThat(group.deleted()).isTrue();
        assertThat(group.shards().get(0).ownedBy(node)).isTrue();
    }
}
