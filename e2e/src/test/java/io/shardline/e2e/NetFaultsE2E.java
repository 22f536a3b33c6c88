package io.shardline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cluster.sh up --netns} and its fault verbs on real network namespaces: one short network
 * drill (D11 {@code --short}: a data node partitioned from the other data nodes) through the scripts,
 * bad input refused with one-line errors, and {@code down} after {@code kill -9} of every node and of
 * the script itself leaving no namespace, link, rule or helper process behind. Needs root and network
 * namespaces; skipped with a message otherwise. The drill's seed is 42 ({@code -Ddrills.seed=N}).
 */
class NetFaultsE2E {

    private static long seed;

    @BeforeAll
    static void requireRootAndNamespaces() throws Exception {
        Assumptions.assumeTrue(run(List.of("id", "-u"), Duration.ofSeconds(10)).trim().equals("0"),
                "NetFaultsE2E needs root (network namespaces, veth links, nftables): skipped");
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/ns/net")),
                "NetFaultsE2E needs network namespaces (no /proc/self/ns/net): skipped");
        String given = System.getProperty("drills.seed", "");
        seed = given.isBlank() ? 42 : Long.parseLong(given);
        System.out.println("NetFaultsE2E seed=" + seed + " (replay with -Ddrills.seed=" + seed + ")");
    }

    @Test
    void d11PartitionedDataNodeLosesNothingAcknowledged() throws Exception {
        Path repo = new ClusterScript("netfaults-d11", 0).repo();
        Path out = Files.createTempFile("d11", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of(repo.resolve("scripts/drills/d11-partition-data-node.sh").toString(),
                    "--short", "--seed", Long.toString(seed))).directory(repo.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(new java.io.File("/dev/null"));
            pb.environment().put("DRILL_DIR", repo.resolve("e2e/target/drills").toString());
            pb.environment().put("DRILL_BASE_PORT", Integer.toString(E2ePorts.base(26000)));
            Process p = pb.start();
            boolean done = p.waitFor(8, TimeUnit.MINUTES);
            if (!done) {
                p.destroy(); // the drill's EXIT trap stops its cluster and removes its network
                p.waitFor(1, TimeUnit.MINUTES);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            System.out.printf("$ d11-partition-data-node.sh --short --seed %d%n%s%n", seed, text);
            assertThat(done).as("D11 finished within 8 minutes").isTrue();
            String result = text.lines().filter(l -> l.startsWith("RESULT d11 ")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no RESULT line:\n" + text));
            assertThat(result).contains("RESULT d11 PASS", " lost=0 ", "seed=" + seed);
            assertThat(field(result, "acked")).as("acknowledged points").isPositive();
            assertThat(text).as("the partition was really in force").contains("partition: nothing crosses between");
            assertThat(p.exitValue()).isZero();
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void badInputIsRefusedWithOneLineAndNothingApplied() throws Exception {
        ClusterScript loopback = new ClusterScript("netfaults-loopback", E2ePorts.base(26400));
        ClusterScript.Result r = loopback.run("partition", "data1", "data2");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output().strip()).doesNotContain("\n").contains("only on a cluster started with 'up --netns'");
        // As an ordinary user (nobody), in a directory that user may create.
        Path nonRootDir = Path.of("/tmp", "shardline-netns-nonroot-" + ProcessHandle.current().pid());
        ClusterScript.Result notRoot = exec(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                loopback.repo().resolve("scripts/cluster.sh").toString(), "up", "--netns", "--dir", nonRootDir.toString()));
        assertThat(notRoot.exitCode()).isNotZero();
        assertThat(notRoot.output().strip()).doesNotContain("\n").contains("--netns needs root");
        assertThat(nonRootDir.resolve("cluster.env")).doesNotExist();
        Files.deleteIfExists(nonRootDir);
    }

    @Test
    void downAfterKillNineOfEverythingLeavesNoNetworkBehind() throws Exception {
        ClusterScript cluster = new ClusterScript("netfaults-crash", E2ePorts.base(26600));
        cluster.upFresh("--netns", "--meta", "1", "--data", "1");
        String id = netId(cluster);
        // Faults of every kind in force: nftables rules, a delayer and a flapper process.
        cluster.run("cut", "data1", "meta1").ok();
        cluster.run("delay", "meta1", "20ms").ok();
        cluster.run("flap", "data1", "4s").ok();
        assertThat(cluster.run("netstat").ok().output()).contains("delay=", "flap=");
        // Bad input changes nothing: one line, non-zero exit.
        for (String[] bad : new String[][] {{"partition", "meta1", "meta1"}, {"isolate", "nope"}, {"cut", "data1", "data1"},
                {"delay", "data1", "soon"}, {"loss", "data1", "150%"}}) {
            ClusterScript.Result r = cluster.run(bad);
            assertThat(r.exitCode()).as(String.join(" ", bad)).isNotZero();
            assertThat(r.output().strip()).as(String.join(" ", bad)).startsWith("cluster.sh: ").doesNotContain("\n");
        }
        assertThat(Files.readAllLines(cluster.dir().resolve("net.faults"))).hasSize(3);
        assertThat(cluster.run("status").ok().output()).contains("faults in force:", "cut data1 meta1");

        // A script in the middle of a restart, killed with everything else.
        Process script = new ProcessBuilder(cluster.repo().resolve("scripts/cluster.sh").toString(), "restart", "meta1",
                "--dir", cluster.dir().toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> victims = new ArrayList<>(List.of(script.pid()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !namespacePids(id).isEmpty());
        victims.addAll(namespacePids(id));
        victims.addAll(helperPids(id));
        for (long pid : victims) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        script.waitFor(10, TimeUnit.SECONDS);
        assertThat(run(List.of("ip", "netns", "list"), Duration.ofSeconds(10))).contains("slnet-" + id + "-");

        cluster.run("down").ok();
        assertThat(run(List.of("ip", "netns", "list"), Duration.ofSeconds(10))).doesNotContain("slnet-" + id);
        assertThat(run(List.of("ip", "-o", "link", "show"), Duration.ofSeconds(10))).doesNotContain("sl" + id + "-");
        assertThat(run(List.of("nft", "list", "tables"), Duration.ofSeconds(10))).doesNotContain("slnet_" + id);
        await().atMost(Duration.ofSeconds(10)).until(() -> helperPids(id).isEmpty() && namespacePids(id).isEmpty());
        assertThat(cluster.run("heal").output()).contains("not up");
    }

    private static String netId(ClusterScript cluster) throws IOException {
        return Files.readAllLines(cluster.dir().resolve("net.env")).stream().filter(l -> l.startsWith("NET_ID="))
                .map(l -> l.substring("NET_ID=".length())).findFirst().orElseThrow();
    }

    /** Processes inside this cluster's namespaces. */
    private static List<Long> namespacePids(String id) throws Exception {
        List<Long> pids = new ArrayList<>();
        for (String ns : run(List.of("ip", "netns", "list"), Duration.ofSeconds(10)).split("\n")) {
            String name = ns.split(" ")[0];
            if (name.startsWith("slnet-" + id + "-")) {
                for (String p : run(List.of("ip", "netns", "pids", name), Duration.ofSeconds(10)).split("\n")) {
                    if (!p.isBlank()) {
                        pids.add(Long.parseLong(p.trim()));
                    }
                }
            }
        }
        return pids;
    }

    /** Flappers and delayers of this cluster (their command lines carry its tag). */
    private static List<Long> helperPids(String id) {
        return ProcessHandle.allProcesses().filter(h -> h.info().arguments().map(a -> String.join(" ", a))
                .orElse("").contains("slnet-" + id + "-")).map(ProcessHandle::pid).toList();
    }

    private static long field(String resultLine, String name) {
        for (String w : resultLine.split(" ")) {
            if (w.startsWith(name + "=")) {
                return Long.parseLong(w.substring(name.length() + 1));
            }
        }
        throw new AssertionError("no " + name + " in " + resultLine);
    }

    private static ClusterScript.Result exec(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(1, TimeUnit.MINUTES);
        System.out.printf("$ %s%n%s%n", String.join(" ", cmd), out);
        return new ClusterScript.Result(p.exitValue(), out);
    }

    private static String run(List<String> cmd, Duration timeout) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return out;
    }
}
