package io.shardline.testkit;

import io.shardline.common.time.Clock;
import io.shardline.config.ConfigLoader;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.datanode.DataNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One data node of a {@link ShardlineCluster}: fixed loopback ports and directory, so it can be
 * stopped and started again with its data and id. Confined to the test thread.
 */
public final class DataNodeSlot {

    private final String name;
    private final int tcpPort;
    private final int httpPort;
    private final Path dir;
    private final NetworkCuts network;
    private DataNodeConfig config;
    private DataNode node;

    DataNodeSlot(String name, Path root, NetworkCuts network) {
        this.name = name;
        this.tcpPort = FreePorts.next();
        this.httpPort = FreePorts.next();
        this.dir = root.resolve(name);
        this.network = network;
    }

    /**
     * Writes the configuration: meta servers, loopback addresses, directories, and {@code settings}
     * ({@code "section.key"} to a TOML literal, e.g. {@code "hinted-handoff.retry-interval" -> "\"50ms\""}).
     */
    void configure(List<String> metaServers, Map<String, String> settings) {
        String d = dir.toString().replace("\\", "/");
        Map<String, Map<String, String>> sections = new TreeMap<>();
        sections.computeIfAbsent("", k -> new LinkedHashMap<>()).putAll(Map.of("hostname", "\"127.0.0.1\"",
                "bind-address", "\"127.0.0.1:" + tcpPort + "\""));
        put(sections, "meta.dir", "\"" + d + "/meta\"");
        put(sections, "meta.meta-servers", "[" + String.join(", ", metaServers.stream().map(s -> "\"" + s + "\"")
                .toList()) + "]");
        put(sections, "data.dir", "\"" + d + "/data\"");
        put(sections, "data.wal-dir", "\"" + d + "/wal\"");
        put(sections, "data.cache-max-memory-size", "\"64m\"");
        put(sections, "data.block-cache-size", "\"16m\"");
        put(sections, "hinted-handoff.dir", "\"" + d + "/hh\"");
        put(sections, "http.bind-address", "\"127.0.0.1:" + httpPort + "\"");
        put(sections, "http.log-enabled", "false");
        // no _internal writer unless a test asks for it: shard listings then hold only the test's databases
        put(sections, "monitor.store-enabled", "false");
        settings.forEach((k, v) -> put(sections, k, v));
        StringBuilder toml = new StringBuilder();
        sections.forEach((section, keys) -> {
            if (!section.isEmpty()) {
                toml.append('[').append(section).append("]\n");
            }
            keys.forEach((k, v) -> toml.append(k).append(" = ").append(v).append('\n'));
        });
        config = DataNodeConfig.from(ConfigLoader.parse(DataNodeConfig.DEFINITION, toml.toString(), name, Map.of())
                .config());
    }

    private static void put(Map<String, Map<String, String>> sections, String key, String literal) {
        int dot = key.indexOf('.');
        String section = dot < 0 ? "" : key.substring(0, dot);
        sections.computeIfAbsent(section, k -> new LinkedHashMap<>()).put(key.substring(dot + 1), literal);
    }

    public String name() {
        return name;
    }

    public String tcpAddress() {
        return "127.0.0.1:" + tcpPort;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public Path directory() {
        return dir;
    }

    public DataNodeConfig config() {
        return config;
    }

    /** The running node; fails if it is stopped. */
    public DataNode node() {
        if (node == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return node;
    }

    public boolean running() {
        return node != null;
    }

    /** This node's cluster id (0 until it registered). */
    public long nodeId() {
        return node().membership().nodeId();
    }

    public void start(Clock clock) {
        if (node != null) {
            throw new IllegalStateException(name + " is already running");
        }
        DataNode n = new DataNode(config, clock, List.of(network.interceptorFor(tcpAddress())));
        n.start();
        node = n;
    }

    /** Stops the node; its directory (shards, queues, id) stays. */
    public void stop() {
        if (node != null) {
            node.close();
            node = null;
        }
    }
}
