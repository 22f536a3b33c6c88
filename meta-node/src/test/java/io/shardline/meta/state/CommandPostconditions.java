package io.shardline.meta.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import java.util.ArrayList;
import java.util.List;

/** What must hold right after a successful command of each kind, checked by the simulation. */
final class CommandPostconditions {

    private CommandPostconditions() {
    }

    static void check(ClusterMetadata after, MetaCommand command, MetaResult result, String context) {
        if (command instanceof MetaCommand.CreateShardGroup c) {
            ShardGroupInfo group = result.value(ShardGroupInfo.class);
            assertThat(group.contains(c.timestamp())).as(context).isTrue();
            assertThat(after.shardGroupAt(c.database(), c.retentionPolicy(), c.timestamp())).as(context)
                    .contains(group);
        } else if (command instanceof MetaCommand.TruncateShardGroups c) {
            assertThat(liveGroups(after)).as(context + " live groups after truncation")
                    .allMatch(group -> group.effectiveEnd() <= c.truncateAt());
        } else if (command instanceof MetaCommand.EnforceRetention c) {
            for (DatabaseInfo db : after.databases().values()) {
                for (RetentionPolicyInfo policy : db.retentionPolicies().values()) {
                    assertThat(policy.shardGroups()).as(context)
                            .allMatch(group -> group.deleted() || !policy.expired(group, c.now()));
                }
            }
        } else if (command instanceof MetaCommand.PrecreateShardGroups c) {
            for (ShardGroupInfo created : result.values(ShardGroupInfo.class)) {
                assertThat(created.startTime()).as(context + " precreated in the past").isGreaterThan(c.now());
            }
        } else if (command instanceof MetaCommand.AddDataNode c) {
            NodeInfo node = result.value(NodeInfo.class);
            assertThat(after.dataNodeByTcpAddress(c.tcpAddress())).as(context).contains(node);
        } else if (command instanceof MetaCommand.UpdateDataNode c) {
            NodeInfo node = result.value(NodeInfo.class);
            assertThat(after.dataNode(node.id())).as(context).contains(node);
            assertThat(node.tcpAddress()).as(context).isEqualTo(c.newTcpAddress());
        } else if (command instanceof MetaCommand.RemoveDataNode c) {
            assertThat(after.dataNode(c.nodeId())).as(context).isEmpty();
            assertThat(after.shardsOwnedBy(c.nodeId())).as(context).isEmpty();
        }
    }

    private static List<ShardGroupInfo> liveGroups(ClusterMetadata meta) {
        List<ShardGroupInfo> live = new ArrayList<>();
        meta.databases().values().forEach(db -> db.retentionPolicies().values().forEach(
                policy -> policy.shardGroups().stream().filter(ShardGroupInfo::live).forEach(live::add)));
        return live;
    }
}
