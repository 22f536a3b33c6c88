package io.shardline.meta.model;

import static io.shardline.meta.model.Groups.HOUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClusterMetadataTest {

    /** Meta 1..3, data 4..6; db "telegraf" with autogen (default) and "week"; owners spread over 4..6. */
    static ClusterMetadata sample() {
        ShardGroupInfo g1 = new ShardGroupInfo(1, 0, HOUR, 0, 0, List.of(
                new ShardInfo(1, List.of(4L, 5L)), new ShardInfo(2, List.of(6L, 4L))));
        ShardGroupInfo g2 = new ShardGroupInfo(2, HOUR, 2 * HOUR, 0, 0, List.of(
                new ShardInfo(3, List.of(5L, 6L))));
        ShardGroupInfo g3 = new ShardGroupInfo(3, 0, 7 * 24 * HOUR, 0, 99, List.of(
                new ShardInfo(4, List.of(4L))));
        RetentionPolicyInfo autogen = new RetentionPolicyInfo("autogen", 0, HOUR, 2, List.of(g2, g1));
        RetentionPolicyInfo week = new RetentionPolicyInfo("week", 0, 7 * 24 * HOUR, 1, List.of(g3));
        DatabaseInfo db = DatabaseInfo.empty("telegraf").withRetentionPolicy(autogen).withRetentionPolicy(week)
                .withDefaultRetentionPolicy("autogen");
        List<NodeInfo> meta = List.of(node(3, "m3"), node(1, "m1"), node(2, "m2"));
        List<NodeInfo> data = List.of(node(6, "d6"), node(4, "d4"), node(5, "d5"));
        return new ClusterMetadata(meta, data, new TreeMap<>(), 6, 3, 4, 17).withDatabase(db);
    }

    private static NodeInfo node(long id, String host) {
        return new NodeInfo(id, host + ":8088", host + ":8086");
    }

    @Test
    void findsNodes() {
        ClusterMetadata meta = sample();
        assertThat(meta.dataNodeIds()).containsExactly(4L, 5L, 6L);
        assertThat(meta.metaNodes()).map(NodeInfo::id).containsExactly(1L, 2L, 3L);
        assertThat(meta.dataNode(5)).map(NodeInfo::tcpAddress).contains("d5:8088");
        assertThat(meta.dataNode(1)).isEmpty();
        assertThat(meta.metaNode(1)).map(NodeInfo::httpAddress).contains("m1:8086");
        assertThat(meta.dataNodeByTcpAddress("d6:8088")).map(NodeInfo::id).contains(6L);
        assertThat(meta.dataNodeByTcpAddress("m1:8088")).isEmpty();
        assertThat(meta.metaNodeByHttpAddress("m2:8086")).map(NodeInfo::id).contains(2L);
    }

    @Test
    void findsDatabasesPoliciesAndGroups() {
        ClusterMetadata meta = sample();
        assertThat(meta.database("telegraf")).isPresent();
        assertThat(meta.database("nope")).isEmpty();
        assertThat(meta.defaultRetentionPolicy("telegraf")).map(RetentionPolicyInfo::name).contains("autogen");
        assertThat(meta.resolveRetentionPolicy("telegraf", "")).map(RetentionPolicyInfo::name).contains("autogen");
        assertThat(meta.resolveRetentionPolicy("telegraf", "week")).map(RetentionPolicyInfo::name).contains("week");
        assertThat(meta.retentionPolicy("telegraf", "")).isEmpty();
        assertThat(meta.retentionPolicy("nope", "autogen")).isEmpty();
        assertThat(meta.shardGroupAt("telegraf", "autogen", HOUR + 1)).map(ShardGroupInfo::id).contains(2L);
        assertThat(meta.shardGroupAt("telegraf", "week", 5)).isEmpty(); // deleted
    }

    @Test
    void findsShardsByIdWithTheirLocation() {
        ClusterMetadata meta = sample();
        ShardLocation location = meta.shard(2).orElseThrow();
        assertThat(location.database()).isEqualTo("telegraf");
        assertThat(location.retentionPolicy()).isEqualTo("autogen");
        assertThat(location.group().id()).isEqualTo(1);
        assertThat(location.shard().owners()).containsExactly(6L, 4L);
        assertThat(meta.shard(4).map(ShardLocation::retentionPolicy)).contains("week");
        assertThat(meta.shard(99)).isEmpty();
        assertThat(meta.shardOwners(2)).containsExactly(6L, 4L);
        assertThat(meta.shardOwners(99)).isEmpty();
    }

    @Test
    void listsTheShardsANodeOwnsIncludingDeletedGroups() {
        ClusterMetadata meta = sample();
        assertThat(meta.shardsOwnedBy(4)).map(ShardLocation::shardId).containsExactly(1L, 2L, 4L);
        assertThat(meta.shardsOwnedBy(6)).map(ShardLocation::shardId).containsExactly(2L, 3L);
        assertThat(meta.shardsOwnedBy(1)).isEmpty();
        assertThat(meta.shards()).map(ShardLocation::shardId).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void shardIndexAgreesWithTheScans() {
        ClusterMetadata meta = sample();
        ShardIndex index = ShardIndex.of(meta);
        assertThat(index.version()).isEqualTo(17);
        for (long shardId = 0; shardId <= 5; shardId++) {
            assertThat(index.shard(shardId)).isEqualTo(meta.shard(shardId));
            assertThat(index.owners(shardId)).isEqualTo(meta.shardOwners(shardId));
        }
        for (long node = 1; node <= 7; node++) {
            assertThat(index.ownedBy(node)).isEqualTo(meta.shardsOwnedBy(node));
        }
    }

    @Test
    void rejectsDuplicateNodeIds() {
        assertThatThrownBy(() -> new ClusterMetadata(List.of(node(1, "a"), node(1, "b")), List.of(),
                new TreeMap<>(), 1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withersChangeOneThing() {
        ClusterMetadata meta = sample();
        assertThat(meta.withVersion(18).version()).isEqualTo(18);
        assertThat(meta.withMaxNodeId(9).maxNodeId()).isEqualTo(9);
        ClusterMetadata ids = meta.withMaxShardIds(7, 8);
        assertThat(ids.maxShardGroupId()).isEqualTo(7);
        assertThat(ids.maxShardId()).isEqualTo(8);
        assertThat(meta.withoutDatabase("telegraf").databases()).isEmpty();
        assertThat(ClusterMetadata.EMPTY.databases()).isEmpty();
        assertThat(meta.withVersion(17)).isEqualTo(meta);
    }
}
