package io.shardline.ctl.cluster;

import io.shardline.common.time.Clock;
import io.shardline.config.ConfigLoader;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.datanode.DataNode;
import io.shardline.testkit.FreePorts;
import java.nio.file.Path;
import java.util.Map;

/**
 * A data node started without {@code [meta] meta-servers}, in no cluster: the node an operator
 * starts before {@code add-data} or {@code update-data}. Loopback ports, its own directory. For tests.
 */
public final class LooseDataNode implements AutoCloseable {

    private final int tcpPort;
    private final int httpPort;
    private final DataNode node;

    private LooseDataNode(Path dir, int tcpPort) {
        this.tcpPort = tcpPort;
        this.httpPort = FreePorts.next();
        String d = dir.toString().replace("\\", "/");
        String toml = "hostname = \"127.0.0.1\"\nbind-address = \"127.0.0.1:" + tcpPort + "\"\n"
                + "[meta]\ndir = \"" + d + "/meta\"\n"
                + "[data]\ndir = \"" + d + "/data\"\nwal-dir = \"" + d + "/wal\"\n"
                + "cache-max-memory-size = \"64m\"\nblock-cache-size = \"16m\"\n"
                + "[hinted-handoff]\ndir = \"" + d + "/hh\"\nretry-interval = \"50ms\"\nretry-max-interval = \"200ms\"\n"
                + "[http]\nbind-address = \"127.0.0.1:" + httpPort + "\"\nlog-enabled = false\n"
                + "[anti-entropy]\nenabled = false\n"
                + "[monitor]\nstore-enabled = false\n"; // no _internal shards in the shard listings
        DataNodeConfig config = DataNodeConfig.from(ConfigLoader.parse(DataNodeConfig.DEFINITION, toml, "loose",
                Map.of()).config());
        node = new DataNode(config, Clock.system());
        node.start();
    }

    public static LooseDataNode start(Path dir) {
        return new LooseDataNode(dir, FreePorts.next());
    }

    /** A node whose TCP address is {@code 127.0.0.1:tcpPort} (an address update-data pointed at). */
    public static LooseDataNode start(Path dir, int tcpPort) {
        return new LooseDataNode(dir, tcpPort);
    }

    public DataNode node() {
        return node;
    }

    public String tcpAddress() {
        return "127.0.0.1:" + tcpPort;
    }

    public String httpAddress() {
        return "127.0.0.1:" + httpPort;
    }

    @Override
    public void close() {
        node.close();
    }
}
