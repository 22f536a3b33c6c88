package io.shardline.ctl.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The success lines and prompts, verbatim from the reference's samples. */
class MessagesTest {

    @Test
    void successLines() {
        assertThat(Messages.removedDataNode("cluster-data-node-03:8088"))
                .isEqualTo("Removed data node at cluster-data-node-03:8088");
        assertThat(Messages.updatedDataNode(26, "cluster-data-node-01:8088"))
                .isEqualTo("updated data node 26 to cluster-data-node-01:8088");
        assertThat(Messages.addedMetaNode(3, "cluster-meta-node-03:8091"))
                .isEqualTo("Added meta node 3 at cluster-meta-node-03:8091");
        assertThat(Messages.removedMetaNode("cluster-meta-node-02:8091"))
                .isEqualTo("Removed meta node at cluster-meta-node-02:8091");
        assertThat(Messages.TRUNCATED_SHARDS).isEqualTo("Truncated shards.");
        assertThat(Messages.addedDataNode(3, "cluster-data-node:8088")).isEqualTo("Added data node 3 at cluster-data-node:8088");
        assertThat(Messages.copiedShard(22, "cluster-data-node-01:8088", "cluster-data-node-02:8088"))
                .isEqualTo("Copied shard 22 from cluster-data-node-01:8088 to cluster-data-node-02:8088");
        assertThat(Messages.killedShardCopy(39, "cluster-data-node-02:8088", "cluster-data-node-03:8088"))
                .isEqualTo("Killed shard copy 39 from cluster-data-node-02:8088 to cluster-data-node-03:8088");
        assertThat(Messages.removedShard(31, "cluster-data-node-02:8088"))
                .isEqualTo("Removed shard 31 from cluster-data-node-02:8088");
    }

    @Test
    void removeMetaPrompts() {
        assertThat(Messages.removeMetaPrompt("cluster-meta-node-02:8091", false))
                .isEqualTo("Remove cluster-meta-node-02:8091 from the cluster [y/N]: ");
        assertThat(Messages.removeMetaPrompt("cluster-meta-node-02:8091", true))
                .isEqualTo("Force remove cluster-meta-node-02:8091 from the cluster [y/N]: ");
    }
}
