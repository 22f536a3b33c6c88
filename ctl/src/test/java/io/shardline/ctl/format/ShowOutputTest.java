package io.shardline.ctl.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.ctl.ParsedTable;
import io.shardline.meta.client.ClusterStatus;
import io.shardline.meta.client.NodeStatus;
import io.shardline.meta.model.NodeInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShowOutputTest {

    private static final String V = "1.8.10-c0.1.0";

    private static ClusterStatus localCluster() {
        return new ClusterStatus(
                List.of(new NodeStatus(new NodeInfo(1, "127.0.0.1:18019", "127.0.0.1:18011"), V),
                        new NodeStatus(new NodeInfo(2, "127.0.0.1:18029", "127.0.0.1:18021"), V),
                        new NodeStatus(new NodeInfo(3, "127.0.0.1:18039", "127.0.0.1:18031"), "")),
                List.of(new NodeStatus(new NodeInfo(4, "127.0.0.1:18108", "127.0.0.1:18106"), V),
                        new NodeStatus(new NodeInfo(5, "127.0.0.1:18118", "127.0.0.1:18116"), "")),
                "127.0.0.1:18019", List.of("127.0.0.1:18029", "127.0.0.1:18039"), 42);
    }

    @Test
    void goldenShow() {
        assertThat(ShowOutput.render(localCluster())).isEqualTo(""
                + "Data Nodes\n"
                + "==========\n"
                + "ID  TCP Address      HTTP Address     Version        Labels  Passive\n"
                + "4   127.0.0.1:18108  127.0.0.1:18106  1.8.10-c0.1.0  {}      false\n"
                + "5   127.0.0.1:18118  127.0.0.1:18116                 {}      false\n"
                + "\n"
                + "Meta Nodes\n"
                + "==========\n"
                + "ID  Raft Address     HTTP Address     Version        Labels\n"
                + "1   127.0.0.1:18019  127.0.0.1:18011  1.8.10-c0.1.0  {}\n"
                + "2   127.0.0.1:18029  127.0.0.1:18021  1.8.10-c0.1.0  {}\n"
                + "3   127.0.0.1:18039  127.0.0.1:18031                 {}\n"
                + "\n"
                + "Raft Status\n"
                + "==========\n"
                + "Leader  127.0.0.1:18019\n"
                + "Peers   [\"127.0.0.1:18029\", \"127.0.0.1:18039\"]\n");
    }

    @Test
    void parsesBackIntoColumns() {
        String out = ShowOutput.render(localCluster());
        ParsedTable data = ParsedTable.parse(out, "Data Nodes");
        assertThat(data.header()).containsExactly("ID", "TCP Address", "HTTP Address", "Version", "Labels", "Passive");
        assertThat(data.rows()).containsExactly(
                Map.of("ID", "4", "TCP Address", "127.0.0.1:18108", "HTTP Address", "127.0.0.1:18106", "Version", V,
                        "Labels", "{}", "Passive", "false"),
                Map.of("ID", "5", "TCP Address", "127.0.0.1:18118", "HTTP Address", "127.0.0.1:18116", "Version", "",
                        "Labels", "{}", "Passive", "false"));
        ParsedTable meta = ParsedTable.parse(out, "Meta Nodes");
        assertThat(meta.header()).containsExactly("ID", "Raft Address", "HTTP Address", "Version", "Labels");
        assertThat(meta.column("ID")).containsExactly("1", "2", "3");
        assertThat(meta.column("Version")).containsExactly(V, V, "");
        assertThat(meta.row("ID", "2").get("Raft Address")).isEqualTo("127.0.0.1:18029");
    }

    @Test
    void raftStatusBlockMatchesTheReferenceSample() {
        ClusterStatus status = new ClusterStatus(List.of(), List.of(), "meta1:8089", List.of("meta2:8089", "meta3:8089"),
                1);
        assertThat(ShowOutput.render(status)).endsWith(""
                + "Raft Status\n"
                + "==========\n"
                + "Leader  meta1:8089\n"
                + "Peers   [\"meta2:8089\", \"meta3:8089\"]\n");
    }

    @Test
    void emptyTablesKeepTheirHeaders() {
        String out = ShowOutput.render(new ClusterStatus(List.of(), List.of(), "m:8089", List.of(), 1));
        assertThat(out).startsWith("Data Nodes\n==========\nID  TCP Address  HTTP Address  Version  Labels  Passive\n\n")
                .contains("Peers   []\n");
    }
}
