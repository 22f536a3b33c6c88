package io.shardline.launcher.sim;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The port and directory layout of a local cluster, identical to {@code scripts/cluster.sh}: node
 * slot {@code s} owns ports {@code base + 10*s + 0..9}, the last digit mirroring InfluxDB's port —
 * meta K (slot K): MetaService ...1, status ...2, Raft ...9; data K (slot 9+K): HTTP ...6, gRPC ...8.
 * Each node's files live in {@code dir/<node>/}. Immutable.
 */
record SimLayout(Path dir, int basePort, int metaNodes, int dataNodes) {

    int metaApiPort(int k) {
        return basePort + k * 10 + 1;
    }

    int metaStatusPort(int k) {
        return basePort + k * 10 + 2;
    }

    int metaRaftPort(int k) {
        return basePort + k * 10 + 9;
    }

    int dataHttpPort(int k) {
        return basePort + (9 + k) * 10 + 6;
    }

    int dataTcpPort(int k) {
        return basePort + (9 + k) * 10 + 8;
    }

    List<String> raftPeers() {
        return IntStream.rangeClosed(1, metaNodes).mapToObj(k -> "127.0.0.1:" + metaRaftPort(k)).toList();
    }

    List<String> metaServers() {
        return IntStream.rangeClosed(1, metaNodes).mapToObj(k -> "127.0.0.1:" + metaApiPort(k)).toList();
    }

    /** TOML of meta node {@code k}, as cluster.sh writes it. */
    String metaToml(int k) {
        Path nd = dir.resolve("meta" + k);
        return "hostname = \"127.0.0.1\"\n[meta]\n"
                + "  dir = \"" + nd.resolve("meta") + "\"\n"
                + "  bind-address = \"127.0.0.1:" + metaRaftPort(k) + "\"\n"
                + "  http-bind-address = \"127.0.0.1:" + metaApiPort(k) + "\"\n"
                + "  status-bind-address = \"127.0.0.1:" + metaStatusPort(k) + "\"\n"
                + "  peers = " + list(raftPeers()) + "\n";
    }

    /** TOML of data node {@code k}, as cluster.sh writes it. */
    String dataToml(int k) {
        Path nd = dir.resolve("data" + k);
        return "hostname = \"127.0.0.1\"\nbind-address = \"127.0.0.1:" + dataTcpPort(k) + "\"\n"
                + "[meta]\n  dir = \"" + nd.resolve("meta") + "\"\n  meta-servers = " + list(metaServers()) + "\n"
                + "[data]\n  dir = \"" + nd.resolve("data") + "\"\n  wal-dir = \"" + nd.resolve("wal") + "\"\n"
                + "[hinted-handoff]\n  dir = \"" + nd.resolve("hh") + "\"\n"
                + "[http]\n  bind-address = \"127.0.0.1:" + dataHttpPort(k) + "\"\n";
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items.stream().map(s -> "\"" + s + "\"").toList()) + "]";
    }
}
