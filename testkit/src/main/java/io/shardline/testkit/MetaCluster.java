package io.shardline.testkit;

import static org.awaitility.Awaitility.await;

import io.shardline.common.time.Clock;
import io.shardline.meta.ratis.RaftView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ratis.util.ExitUtils;

/**
 * An in-JVM meta cluster for tests and benchmarks: N real meta nodes (Ratis over gRPC, MetaService,
 * status HTTP) on loopback with ephemeral ports, each under its own directory of a temporary root.
 * Nodes can be stopped and restarted with their data, and un-joined nodes added for add-meta. Meant
 * to grow data nodes later. Confined to the test thread; close it to stop every node and delete the
 * root.
 */
public final class MetaCluster implements AutoCloseable {

    private final Path root;
    private final Clock clock;
    private final Map<String, String> metaSettings;
    private final List<MetaNodeSlot> slots = new ArrayList<>();

    private MetaCluster(Path root, Clock clock, Map<String, String> metaSettings) {
        this.root = root;
        this.clock = clock;
        this.metaSettings = metaSettings;
    }

    /** Starts {@code size} meta nodes that form one Raft group, and waits until they registered. */
    public static MetaCluster start(int size) {
        return start(size, Map.of());
    }

    /**
     * Like {@link #start(int)} with extra {@code [meta]} settings as TOML literals, e.g.
     * {@code Map.of("snapshot-threshold", "20")}.
     */
    public static MetaCluster start(int size, Map<String, String> metaSettings) {
        return start(size, metaSettings, Clock.system());
    }

    /** Like {@link #start(int, Map)} with every node on {@code clock}. */
    public static MetaCluster start(int size, Map<String, String> metaSettings, Clock clock) {
        ExitUtils.disableSystemExit();
        Path root;
        try {
            root = Files.createTempDirectory("shardline-meta-cluster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MetaCluster cluster = new MetaCluster(root, clock, new LinkedHashMap<>(metaSettings));
        for (int i = 1; i <= size; i++) {
            cluster.slots.add(new MetaNodeSlot("meta" + i, root));
        }
        List<String> peers = cluster.slots.stream().map(MetaNodeSlot::raftAddress).toList();
        cluster.slots.forEach(s -> s.configure(peers, cluster.metaSettings));
        try {
            cluster.slots.forEach(s -> s.start(cluster.clock));
            cluster.awaitRegistered(size);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The temporary directory holding every node of this cluster. */
    public Path root() {
        return root;
    }

    public List<MetaNodeSlot> nodes() {
        return List.copyOf(slots);
    }

    public MetaNodeSlot node(int index) {
        return slots.get(index);
    }

    /** MetaService addresses of every node, running or not. */
    public List<String> apiAddresses() {
        return slots.stream().map(MetaNodeSlot::apiAddress).toList();
    }

    /** Starts a new, un-joined meta node (empty {@code peers}); add it with add-meta. */
    public MetaNodeSlot startUnjoined() {
        MetaNodeSlot slot = new MetaNodeSlot("meta" + (slots.size() + 1), root);
        slot.configure(List.of(), metaSettings);
        slots.add(slot);
        slot.start(clock);
        return slot;
    }

    /** The running node that is the Raft leader now. */
    public Optional<MetaNodeSlot> leader() {
        return slots.stream().filter(MetaNodeSlot::running)
                .filter(s -> s.node().raft().view().selfIsLeader()).findFirst();
    }

    /** Waits until a running node leads and every running member agrees on it. */
    public MetaNodeSlot awaitLeader() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> leader().isPresent()
                && slots.stream().filter(MetaNodeSlot::running).map(s -> s.node().raft().view())
                .filter(RaftView::joined).allMatch(v -> v.leader().equals(leader().get().raftAddress())));
        return leader().orElseThrow();
    }

    /** Waits until the leader's metadata lists {@code count} meta nodes. */
    public void awaitRegistered(int count) {
        awaitLeader();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> leader().map(l -> l.node().raft().localMetadata().metaNodes().size() >= count)
                        .orElse(false));
    }

    @Override
    public void close() {
        for (MetaNodeSlot slot : slots) {
            try {
                slot.stop();
            } catch (RuntimeException e) {
                // keep closing the others
            }
        }
        deleteRecursively(root);
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
