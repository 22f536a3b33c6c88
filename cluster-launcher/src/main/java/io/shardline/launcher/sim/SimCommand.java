package io.shardline.launcher.sim;

import io.shardline.common.error.ShardlineException;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.time.Clock;
import io.shardline.config.ConfigLoader;
import io.shardline.config.LoggingConfig;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.meta.MetaNodeConfig;
import io.shardline.datanode.DataNode;
import io.shardline.launcher.logging.LogSetup;
import io.shardline.meta.MetaNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code shardline sim}: the whole cluster in one JVM on loopback, with the same configurations
 * and port layout as {@code scripts/cluster.sh}, for demos and quick tries. Prints a table of the
 * nodes, runs until SIGINT/SIGTERM, then closes data nodes and meta nodes in reverse order.
 */
@Command(name = "sim", description = "Run a whole cluster (meta and data nodes) in this one JVM on loopback.")
public final class SimCommand implements Callable<Integer> {

    @Option(names = {"--meta", "-meta"}, description = "Meta nodes (default: ${DEFAULT-VALUE}).")
    int meta = 3;

    @Option(names = {"--data", "-data"}, description = "Data nodes (default: ${DEFAULT-VALUE}).")
    int data = 3;

    @Option(names = {"--dir", "-dir"}, description = "State directory (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("var", "sim");

    @Option(names = {"--base-port", "-base-port"},
            description = "First port of the layout (default: SHARDLINE_BASE_PORT or 17000).")
    Integer basePort;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public Integer call() {
        if (meta < 1 || meta > 9 || data < 0 || data > 89) {
            System.err.println("Error: --meta must be 1..9 and --data 0..89");
            return 2;
        }
        int base = basePort != null ? basePort : Integer.parseInt(System.getenv().getOrDefault("SHARDLINE_BASE_PORT", "17000"));
        SimLayout layout = new SimLayout(dir.toAbsolutePath(), base, meta, data);
        Map<String, String> env = System.getenv();
        LogSetup.configure("sim", LoggingConfig.from(ConfigLoader.parse(MetaNodeConfig.DEFINITION, "", "sim", env)
                .config()));
        Deque<Service> started = new ArrayDeque<>();
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        try {
            startAll(layout, env, started);
            printTable(layout);
            stop.await();
        } catch (ShardlineException e) {
            System.err.println("Error: " + e.getMessage());
            closeAll(started);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("Stopping...");
        closeAll(started);
        return 0;
    }

    private static void startAll(SimLayout layout, Map<String, String> env, Deque<Service> started) {
        for (int k = 1; k <= layout.metaNodes(); k++) {
            MetaNodeConfig config = MetaNodeConfig.from(ConfigLoader.parse(MetaNodeConfig.DEFINITION,
                    layout.metaToml(k), "meta" + k, env).config());
            MetaNode node = new MetaNode(config, Clock.system());
            node.start();
            started.push(node);
        }
        for (int k = 1; k <= layout.dataNodes(); k++) {
            DataNodeConfig config = DataNodeConfig.from(ConfigLoader.parse(DataNodeConfig.DEFINITION,
                    layout.dataToml(k), "data" + k, env).config());
            DataNode node = new DataNode(config, Clock.system());
            node.start();
            started.push(node);
            awaitRegistered(node, "data" + k);
        }
    }

    /** Data nodes register one after another so their ids follow their names (4, 5, ...). */
    private static void awaitRegistered(DataNode node, String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (node.membership().nodeId() == 0) {
            if (System.nanoTime() > deadline) {
                throw new ShardlineException(io.shardline.common.error.ErrorCode.TIMEOUT,
                        name + " did not register with the meta nodes within 60 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShardlineException(io.shardline.common.error.ErrorCode.CANCELLED, "interrupted");
            }
        }
    }

    private static void printTable(SimLayout l) {
        System.out.printf("%-8s %s%n", "NODE", "ADDRESSES");
        for (int k = 1; k <= l.metaNodes(); k++) {
            System.out.printf("%-8s api=127.0.0.1:%d status=127.0.0.1:%d raft=127.0.0.1:%d%n", "meta" + k,
                    l.metaApiPort(k), l.metaStatusPort(k), l.metaRaftPort(k));
        }
        for (int k = 1; k <= l.dataNodes(); k++) {
            System.out.printf("%-8s http=127.0.0.1:%d tcp=127.0.0.1:%d%n", "data" + k, l.dataHttpPort(k),
                    l.dataTcpPort(k));
        }
        System.out.println();
        System.out.println("All nodes run in this JVM (state in " + l.dir() + "); logs go to standard output.");
        if (l.dataNodes() > 0) {
            System.out.println("Try: curl -XPOST 'http://127.0.0.1:" + l.dataHttpPort(1)
                    + "/query' --data-urlencode 'q=CREATE DATABASE mydb'");
        }
        System.out.println("Press Ctrl-C to stop.");
    }

    private static void closeAll(Deque<Service> started) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (RuntimeException e) {
                System.err.println("Warning: closing failed: " + e.getMessage());
            }
        }
    }
}
