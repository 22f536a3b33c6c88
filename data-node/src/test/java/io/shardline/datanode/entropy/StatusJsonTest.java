package io.shardline.datanode.entropy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The /shard-repair/status body is byte for byte the shape of the Enterprise API documentation. */
class StatusJsonTest {

    @Test
    void theSeedExample() {
        EntropyReport r = new EntropyReport(List.of(
                new ShardEntropy(1, "ae", "autogen", -259200000000000L, 345600000000000L, 0, "diff"),
                new ShardEntropy(3, "ae", "autogen", 62640000000000000L, 63244800000000000L, 0, "diff")),
                List.of(3L, 5L, 9L), List.of(3L, 9L), List.of(), 0, List.of());
        assertThat(StatusJson.render(r)).isEqualTo("{\"shards\":[{\"id\":\"1\",\"database\":\"ae\",\"retention_policy\":"
                + "\"autogen\",\"start_time\":\"-259200000000000\",\"end_time\":\"345600000000000\",\"expires\":\"0\","
                + "\"status\":\"diff\"},{\"id\":\"3\",\"database\":\"ae\",\"retention_policy\":\"autogen\",\"start_time\":"
                + "\"62640000000000000\",\"end_time\":\"63244800000000000\",\"expires\":\"0\",\"status\":\"diff\"}],"
                + "\"queued_shards\":[\"3\",\"5\",\"9\"],\"processing_shards\":[\"3\",\"9\"]}\n");
    }

    @Test
    void nothingToReport() {
        assertThat(StatusJson.render(new EntropyReport(List.of(), List.of(), List.of(), List.of(), 0, List.of())))
                .isEqualTo("{\"shards\":[],\"queued_shards\":[],\"processing_shards\":[]}\n");
    }

    @Test
    void namesAreEscaped() {
        EntropyReport r = new EntropyReport(List.of(new ShardEntropy(2, "my \"db\"", "rp", 0, 1, 5, "missing")),
                List.of(), List.of(), List.of(), 0, List.of());
        assertThat(StatusJson.render(r)).contains("\"database\":\"my \\\"db\\\"\"", "\"expires\":\"5\"",
                "\"status\":\"missing\"");
    }

    @Test
    void mergingKeepsOneLinePerShardPrefersDiffAndUnitesTheQueues() {
        EntropyReport a = new EntropyReport(List.of(new ShardEntropy(5, "db", "rp", 0, 1, 0, "missing"),
                new ShardEntropy(3, "db", "rp", 0, 1, 0, "diff")), List.of(9L, 3L), List.of(3L), List.of(), 0, List.of());
        EntropyReport b = new EntropyReport(List.of(new ShardEntropy(3, "db", "rp", 0, 1, 0, "diff"),
                new ShardEntropy(5, "db", "rp", 0, 1, 0, "diff")), List.of(4L), List.of(), List.of(), 0, List.of("x:8088"));
        EntropyReport m = StatusMerge.merge(List.of(a, b), List.of("y:8088"));
        assertThat(m.shards()).extracting(ShardEntropy::id).containsExactly(3L, 5L);
        assertThat(m.shards()).extracting(ShardEntropy::status).containsExactly("diff", "diff");
        assertThat(m.queued()).containsExactly(3L, 4L, 9L);
        assertThat(m.processing()).containsExactly(3L);
        assertThat(m.unreachable()).containsExactly("y:8088", "x:8088");
    }
}
