package io.shardline.testkit;

import io.shardline.common.time.Clock;
import io.shardline.config.ConfigLoader;
import io.shardline.config.meta.MetaNodeConfig;
import io.shardline.meta.MetaNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One meta node of an in-JVM cluster: its fixed loopback ports, directory and configuration, and the
 * running {@link MetaNode} if any. Killing and restarting keep the directory and ports, as a process
 * restart would. Confined to the test thread.
 */
public final class MetaNodeSlot {

    private final String name;
    private final int raftPort;
    private final int apiPort;
    private final int statusPort;
    private final Path dir;
    private MetaNodeConfig config;
    private MetaNode node;

    MetaNodeSlot(String name, Path root) {
        this.name = name;
        this.raftPort = FreePorts.next();
        this.apiPort = FreePorts.next();
        this.statusPort = FreePorts.next();
        this.dir = root.resolve(name);
    }

    /**
     * Writes the configuration: {@code peers} (Raft addresses, maybe empty) and extra {@code [meta]} lines;
     * a key with a dot ({@code "tls.ca-certificate"}) names its own section.
     */
    void configure(List<String> peers, Map<String, String> metaSettings) {
        String peerList = peers.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
        StringBuilder toml = new StringBuilder("hostname = \"127.0.0.1\"\n[meta]\n")
                .append("  dir = \"").append(dir.resolve("meta").toString().replace("\\", "/")).append("\"\n")
                .append("  bind-address = \"127.0.0.1:").append(raftPort).append("\"\n")
                .append("  http-bind-address = \"127.0.0.1:").append(apiPort).append("\"\n")
                .append("  status-bind-address = \"127.0.0.1:").append(statusPort).append("\"\n")
                .append("  peers = [").append(peerList).append("]\n");
        metaSettings.forEach((k, v) -> {
            if (!k.contains(".")) {
                toml.append("  ").append(k).append(" = ").append(v).append('\n');
            }
        });
        // "section.key" settings (e.g. "tls.ca-certificate") go into their own sections after [meta]
        metaSettings.forEach((k, v) -> {
            if (k.contains(".")) {
                toml.append('[').append(k, 0, k.indexOf('.')).append("]\n").append(k.substring(k.indexOf('.') + 1))
                        .append(" = ").append(v).append('\n');
            }
        });
        config = MetaNodeConfig.from(ConfigLoader.parse(MetaNodeConfig.DEFINITION, toml.toString(), name, Map.of())
                .config());
    }

    public String name() {
        return name;
    }

    public String raftAddress() {
        return "127.0.0.1:" + raftPort;
    }

    public String apiAddress() {
        return "127.0.0.1:" + apiPort;
    }

    public String statusUrl() {
        return "http://127.0.0.1:" + statusPort;
    }

    public MetaNodeConfig config() {
        return config;
    }

    /** The running node; fails if it is stopped. */
    public MetaNode node() {
        if (node == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return node;
    }

    public boolean running() {
        return node != null;
    }

    public void start(Clock clock) {
        if (node != null) {
            throw new IllegalStateException(name + " is already running");
        }
        MetaNode n = new MetaNode(config, clock);
        n.start();
        node = n;
    }

    /** Stops the node (its directory stays). */
    public void stop() {
        if (node != null) {
            node.close();
            node = null;
        }
    }
}
