package io.shardline.meta.state;

import static io.shardline.meta.state.MetaHarness.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.meta.model.ShardLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeCommandsTest {

    @Test
    void metaAndDataNodesShareOneIdSequence() {
        MetaHarness h = MetaHarness.cluster(2);
        assertThat(h.meta().metaNodes()).map(NodeInfo::id).containsExactly(1L, 2L, 3L);
        assertThat(h.meta().dataNodeIds()).containsExactly(4L, 5L);
        assertThat(h.meta().maxNodeId()).isEqualTo(5);
        NodeInfo again = h.ok(new MetaCommand.AddDataNode("data1:8088", "other:8086"), NodeInfo.class);
        assertThat(again).isEqualTo(new NodeInfo(4, "data1:8088", "data1:8086")); // idempotent, unchanged
        assertThat(h.meta().maxNodeId()).isEqualTo(5);
        h.ok(new MetaCommand.RemoveDataNode(5));
        assertThat(h.addDataNode("data3")).isEqualTo(6); // ids are never reused
        NodeInfo meta4 = h.ok(new MetaCommand.AddMetaNode("meta4:8089", "meta4:8091"), NodeInfo.class);
        assertThat(meta4.id()).isEqualTo(7);
    }

    @Test
    void addMetaNodeIsIdempotentByHttpAddressAndRejectsATakenRaftAddress() {
        MetaHarness h = MetaHarness.cluster(0);
        NodeInfo again = h.ok(new MetaCommand.AddMetaNode("elsewhere:8089", "meta2:8091"), NodeInfo.class);
        assertThat(again.id()).isEqualTo(2);
        MetaResult.Failure taken = h.fail(new MetaCommand.AddMetaNode("meta2:8089", "new:8091"));
        assertThat(taken.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(taken.message()).isEqualTo("node already exists: meta2:8089");
        assertThat(h.fail(new MetaCommand.AddMetaNode("x:8089", "")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(h.fail(new MetaCommand.AddDataNode("", "x:8086")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void removeMetaNode() {
        MetaHarness h = MetaHarness.cluster(1);
        assertThat(h.ok(new MetaCommand.RemoveMetaNode(2), NodeInfo.class).id()).isEqualTo(2);
        assertThat(h.meta().metaNodes()).map(NodeInfo::id).containsExactly(1L, 3L);
        assertThat(h.fail(new MetaCommand.RemoveMetaNode(2)).message()).isEqualTo("node not found: 2");
        assertThat(h.fail(new MetaCommand.RemoveMetaNode(4)).code()).isEqualTo(ErrorCode.NOT_FOUND); // data node
    }

    @Test
    void removeDataNodeDropsItFromEveryOwnerListWithoutRehoming() {
        MetaHarness h = MetaHarness.cluster(3);
        h.hourlyDatabase("db", "rp", 2);
        for (int i = 0; i < 3; i++) {
            h.createGroup("db", "rp", i * HOUR);
        }
        h.ok(new MetaCommand.DeleteShardGroup("db", "rp", 1, 9));
        List<ShardLocation> owned = h.meta().shardsOwnedBy(5);
        assertThat(owned).isNotEmpty();
        var before = h.meta();
        NodeInfo removed = h.ok(new MetaCommand.RemoveDataNode(5), NodeInfo.class);
        assertThat(removed.id()).isEqualTo(5);
        assertThat(h.meta().dataNodeIds()).containsExactly(4L, 6L);
        assertThat(h.meta().shardsOwnedBy(5)).isEmpty();
        for (ShardLocation location : before.shards()) {
            List<Long> expected = location.shard().owners().stream().filter(id -> id != 5).toList();
            assertThat(h.meta().shardOwners(location.shardId())).isEqualTo(expected);
        }
        assertThat(h.meta().maxShardId()).isEqualTo(before.maxShardId());
        assertThat(h.fail(new MetaCommand.RemoveDataNode(5)).message()).isEqualTo("node not found: 5");
        assertThat(h.fail(new MetaCommand.RemoveDataNode(1)).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void updateDataNodeKeepsTheIdAndShardOwnership() {
        MetaHarness h = MetaHarness.cluster(2);
        h.hourlyDatabase("db", "rp", 2);
        ShardGroupInfo group = h.createGroup("db", "rp", 0);
        NodeInfo updated = h.ok(new MetaCommand.UpdateDataNode("data1:8088", "new1:8088", "new1:8086"),
                NodeInfo.class);
        assertThat(updated).isEqualTo(new NodeInfo(4, "new1:8088", "new1:8086"));
        assertThat(h.meta().dataNode(4)).contains(updated);
        assertThat(h.meta().dataNodeByTcpAddress("data1:8088")).isEmpty();
        assertThat(h.policy("db", "rp").shardGroup(group.id())).contains(group);
        assertThat(h.meta().maxNodeId()).isEqualTo(5);
    }

    @Test
    void updateDataNodeToItselfOrWithoutHttpAddressIsAllowed() {
        MetaHarness h = MetaHarness.cluster(2);
        NodeInfo same = h.ok(new MetaCommand.UpdateDataNode("data1:8088", "data1:8088", ""), NodeInfo.class);
        assertThat(same).isEqualTo(new NodeInfo(4, "data1:8088", "data1:8086"));
        NodeInfo moved = h.ok(new MetaCommand.UpdateDataNode("data1:8088", "moved:8088", ""), NodeInfo.class);
        assertThat(moved.httpAddress()).isEqualTo("data1:8086");
    }

    @Test
    void updateDataNodeRejectsAnAddressOfAnotherNodeAndUnknownNodes() {
        MetaHarness h = MetaHarness.cluster(2);
        MetaResult.Failure taken = h.fail(new MetaCommand.UpdateDataNode("data1:8088", "data2:8088", ""));
        assertThat(taken.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(taken.message()).isEqualTo("node already exists: data2:8088");
        MetaResult.Failure missing = h.fail(new MetaCommand.UpdateDataNode("gone:8088", "new:8088", ""));
        assertThat(missing.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(missing.message()).isEqualTo("node not found: gone:8088");
        assertThat(h.fail(new MetaCommand.UpdateDataNode("data1:8088", "", "")).code())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void membershipChangesNeverAlterExistingGroupsExceptByRemoval() {
        MetaHarness h = MetaHarness.cluster(2);
        h.hourlyDatabase("db", "rp", 1);
        ShardGroupInfo group = h.createGroup("db", "rp", 0);
        h.addDataNode("data3");
        h.ok(new MetaCommand.UpdateDataNode("data2:8088", "data2b:8088", ""));
        assertThat(h.policy("db", "rp").shardGroups()).containsExactly(group);
        assertThat(group.shards()).map(ShardInfo::owners).allMatch(owners -> owners.size() == 1);
    }
}
