package io.shardline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The short versions ({@code --short}) of failover drills D1 (also on a secured cluster), D4 and D9, run through the very scripts
 * of {@code scripts/drills/} (each starts and stops its own 3 meta + 3 data cluster under
 * {@code e2e/target/drills}, base ports 19000, 20000 and 25000 (shifted by {@link E2ePorts}), below Linux's ephemeral ports, or 1200 or 2400 higher when a port of
 * the layout is held). Each drill ends with the checker's
 * figures, read back from every owner separately; the test asserts the drill's verdict, that points
 * were acknowledged, and that none was lost (nor, for D9, resurrected). The seed (default 42) is printed;
 * set {@code -Ddrills.seed=N} to try another schedule.
 */
class DrillsE2E {

    private static long seed;

    @BeforeAll
    static void chooseSeed() {
        String given = System.getProperty("drills.seed", "");
        seed = given.isBlank() ? 42 : Long.parseLong(given);
        System.out.println("DrillsE2E seed=" + seed + " (replay with -Ddrills.seed=" + seed + ")");
    }

    @Test
    void d1KillDataNodeLosesNothingAcknowledged() throws Exception {
        Map<String, String> r = drill("d1-kill-data-node.sh", E2ePorts.base(19000));
        assertNothingLost(r);
        assertThat(Double.parseDouble(r.get("drain_s"))).as("hinted-handoff drain time").isGreaterThanOrEqualTo(0);
    }

    /**
     * D1 on a cluster started with {@code cluster.sh up --secure} (users, internal tokens, TLS for HTTP, gRPC
     * and Raft): the writer, the checker and the drill's own requests go over HTTPS as the admin user, the
     * handoff queue drains over the authenticated, encrypted channel, and nothing acknowledged is lost.
     */
    @Test
    void d1OnSecuredClusterLosesNothingAcknowledged() throws Exception {
        Map<String, String> r = drill("d1-kill-data-node.sh", E2ePorts.base(19500), "--secure");
        assertNothingLost(r);
        assertThat(Double.parseDouble(r.get("drain_s"))).as("hinted-handoff drain time").isGreaterThanOrEqualTo(0);
    }

    @Test
    void d4HandoffExpiryIsRepairedByAntiEntropy() throws Exception {
        Map<String, String> r = drill("d4-handoff-expiry.sh", E2ePorts.base(20000));
        assertNothingLost(r);
        assertThat(Long.parseLong(r.get("purged_entries"))).as("hinted-handoff entries purged by max-age").isPositive();
    }

    @Test
    void d9DeleteWhileOwnerDownResurrectsNothing() throws Exception {
        Map<String, String> r = drill("d9-delete-while-owner-down.sh", E2ePorts.base(25000));
        assertNothingLost(r);
        assertThat(Long.parseLong(r.get("deleted"))).as("points deleted").isPositive();
        assertThat(r.get("resurrected")).as("deleted points present again on some node").isEqualTo("0");
    }

    private static void assertNothingLost(Map<String, String> r) {
        String output = r.get("output");
        assertThat(Long.parseLong(r.get("acked"))).as("acknowledged points; drill output:%n%s", output).isPositive();
        assertThat(r.get("lost")).as("acknowledged points missing on some owner; drill output:%n%s", output).isEqualTo("0");
        assertThat(r.get("verdict")).as("verdict; drill output:%n%s", output).isEqualTo("PASS");
    }

    /** Runs one drill script with --short and returns the fields of its RESULT line (plus "verdict" and "output"). */
    private static Map<String, String> drill(String script, int basePort, String... flags)
            throws IOException, InterruptedException {
        Path repo = repo();
        Path out = Files.createTempFile("drill", ".out");
        try {
            List<String> command = new java.util.ArrayList<>(List.of(repo.resolve("scripts/drills/" + script).toString(),
                    "--short", "--seed", Long.toString(seed)));
            command.addAll(List.of(flags));
            ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(new File("/dev/null"));
            pb.environment().put("DRILL_DIR", repo.resolve("e2e/target/drills").toString());
            pb.environment().put("DRILL_BASE_PORT", Integer.toString(freeBase(basePort)));
            Process p = pb.start();
            boolean done = p.waitFor(4, TimeUnit.MINUTES);
            if (!done) {
                // The script's EXIT trap stops its cluster on SIGTERM.
                p.destroy();
                p.waitFor(1, TimeUnit.MINUTES);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            System.out.printf("$ %s%n%s%n", String.join(" ", command), text);
            assertThat(done).as("%s finished within 4 minutes; output:%n%s", script, text).isTrue();
            String line = text.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError(script + " printed no RESULT line:\n" + text));
            String[] words = line.split(" ");
            Map<String, String> fields = new HashMap<>();
            fields.put("verdict", words[2]);
            fields.put("output", text);
            for (int i = 3; i < words.length; i++) {
                int eq = words[i].indexOf('=');
                if (eq > 0) {
                    fields.put(words[i].substring(0, eq), words[i].substring(eq + 1));
                }
            }
            assertThat(fields.get("seed")).isEqualTo(Long.toString(seed));
            assertThat(p.exitValue()).as("exit code of %s; output:%n%s", script, text).isEqualTo(words[2].equals("PASS") ? 0 : 1);
            return fields;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * The first of {@code preferred}, +1200, +2400 whose ports (cluster.sh's layout: meta1, data1-4)
     * can all be bound now; {@code preferred} if none (the script then waits for its ports).
     */
    private static int freeBase(int preferred) {
        for (int base = preferred; base + 140 <= 32_768; base += 1200) {
            int b = base;
            boolean free = java.util.stream.IntStream.of(11, 12, 19, 106, 108, 116, 118, 126, 128, 136, 138)
                    .allMatch(off -> canBind(b + off));
            if (free) {
                return base;
            }
            System.out.println("DrillsE2E: a port near " + base + " is in use; trying " + (base + 1200));
        }
        return preferred;
    }

    private static boolean canBind(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path repo() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("scripts/drills/lib.sh"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (scripts/drills/lib.sh)");
        }
        return p;
    }
}
