package io.shardline.datanode.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class InternalTargetTest {

    private static final long DAY = 86_400_000_000_000L;

    @Test
    void eachNodeWritesItsOwnShardOfTheGroup() {
        assertThat(InternalTarget.decide(ClusterMetadata.EMPTY, "_internal", "monitor", 4, DAY).kind())
                .isEqualTo(InternalTarget.Kind.CREATE_STORAGE);
        assertThat(InternalTarget.decide(withGroups(List.of()), "_internal", "monitor", 4, DAY).kind())
                .isEqualTo(InternalTarget.Kind.CREATE_GROUP);
        ClusterMetadata grouped = withGroups(List.of(new ShardGroupInfo(1, DAY, 2 * DAY, 0, 0,
                List.of(new ShardInfo(10, List.of(5L)), new ShardInfo(11, List.of(4L))))));
        assertThat(InternalTarget.decide(grouped, "_internal", "monitor", 4, DAY + 5))
                .isEqualTo(new InternalTarget(InternalTarget.Kind.LOCAL_SHARD, 11));
        assertThat(InternalTarget.decide(grouped, "_internal", "monitor", 6, DAY + 5).kind())
                .isEqualTo(InternalTarget.Kind.CLUSTER_WRITE);
        assertThat(InternalTarget.decide(grouped, "_internal", "monitor", 4, 3 * DAY).kind())
                .isEqualTo(InternalTarget.Kind.CREATE_GROUP);
    }

    private static ClusterMetadata withGroups(List<ShardGroupInfo> groups) {
        TreeMap<String, RetentionPolicyInfo> rps = new TreeMap<>();
        rps.put("monitor", new RetentionPolicyInfo("monitor", 7 * DAY, DAY, 1, groups));
        return ClusterMetadata.EMPTY.withDatabase(new DatabaseInfo("_internal", "monitor", rps));
    }
}
