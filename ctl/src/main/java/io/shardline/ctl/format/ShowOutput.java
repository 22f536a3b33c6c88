package io.shardline.ctl.format;

import io.shardline.meta.client.ClusterStatus;
import io.shardline.meta.client.NodeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code shardline-ctl show} prints, in the shape of influxd-ctl 1.10+: a Data Nodes table
 * ({@code ID, TCP Address, HTTP Address, Version, Labels, Passive}), a Meta Nodes table
 * ({@code ID, Raft Address, HTTP Address, Version, Labels}) and the Raft Status block ({@code Leader}
 * and {@code Peers} as {@code ["a:8089", "b:8089"]}), separated by blank lines. The version is blank
 * for a node that is not announcing itself; Shardline has no node labels or passive nodes yet, so
 * labels print as {@code {}} and Passive as {@code false}. Pure.
 */
public final class ShowOutput {

    static final List<String> DATA_HEADER = List.of("ID", "TCP Address", "HTTP Address", "Version", "Labels", "Passive");
    static final List<String> META_HEADER = List.of("ID", "Raft Address", "HTTP Address", "Version", "Labels");
    private static final String NO_LABELS = "{}";

    private ShowOutput() {
    }

    public static String render(ClusterStatus status) {
        List<List<String>> data = new ArrayList<>();
        data.add(DATA_HEADER);
        for (NodeStatus n : status.dataNodes()) {
            data.add(List.of(Long.toString(n.node().id()), n.node().tcpAddress(), n.node().httpAddress(), n.version(),
                    NO_LABELS, "false"));
        }
        List<List<String>> meta = new ArrayList<>();
        meta.add(META_HEADER);
        for (NodeStatus n : status.metaNodes()) {
            meta.add(List.of(Long.toString(n.node().id()), n.node().tcpAddress(), n.node().httpAddress(), n.version(),
                    NO_LABELS));
        }
        String raft = GoTabWriter.STANDARD.table(List.of(
                List.of("Leader", status.leader()),
                List.of("Peers", peers(status.peers()))));
        return Sections.section("Data Nodes", GoTabWriter.STANDARD.table(data)) + "\n"
                + Sections.section("Meta Nodes", GoTabWriter.STANDARD.table(meta)) + "\n"
                + Sections.section("Raft Status", raft);
    }

    /** {@code ["meta2:8089", "meta3:8089"]}, as the reference prints the peers; {@code []} for none. */
    static String peers(List<String> peers) {
        return peers.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", ", "[", "]"));
    }
}
