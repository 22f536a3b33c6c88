package io.shardline.datanode.handoff;

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
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Hinted handoff replays a shard only to its owners, and never into a group retention marked deleted. */
class ShardOwnershipTest {

    private static final long HOUR = 3_600_000_000_000L;
    private static final long T0 = 1_700_000_000_000_000_000L / HOUR * HOUR;

    @Test
    void ownersOfLiveGroupsOnlyNeverOfDeletedOrUnknownShards() {
        RetentionPolicyInfo rp = RetentionPolicyInfo.of("rp", 0, HOUR, 2)
                .withShardGroup(new ShardGroupInfo(1, T0, T0 + HOUR, 0, T0 + 3 * HOUR,
                        List.of(new ShardInfo(1, List.of(4L, 5L)))))
                .withShardGroup(new ShardGroupInfo(2, T0 + HOUR, T0 + 2 * HOUR, 0, 0,
                        List.of(new ShardInfo(2, List.of(4L, 5L)))));
        DatabaseInfo db = DatabaseInfo.empty("db").withRetentionPolicy(rp).withDefaultRetentionPolicy("rp");
        ClusterView view = ClusterView.of(new ClusterMetadata(List.of(), List.of(
                new NodeInfo(4, "127.0.0.1:1", "127.0.0.1:2"), new NodeInfo(5, "127.0.0.1:3", "127.0.0.1:4"),
                new NodeInfo(6, "127.0.0.1:5", "127.0.0.1:6")), new TreeMap<>(Map.of("db", db)), 6, 2, 2, 9));
        ShardOwnership ownership = ShardOwnership.inView(() -> view);
        assertThat(ownership.owns(5, 2)).isTrue();
        assertThat(ownership.owns(6, 2)).as("not an owner").isFalse();
        assertThat(ownership.owns(5, 1)).as("group 1 expired: still in the meta data, deleted").isFalse();
        assertThat(ownership.owns(5, 3)).as("unknown (dropped or pruned)").isFalse();
    }
}
