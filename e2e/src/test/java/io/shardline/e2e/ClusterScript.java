package io.shardline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code scripts/cluster.sh} for one cluster (its own directory and base port), the way an
 * operator or a drill would. Used by every multi-process test; one instance per test class.
 */
public final class ClusterScript implements AutoCloseable {

    /** The output of one command. */
    public record Result(int exitCode, String output) {
        public Result ok() {
            assertThat(exitCode).as("exit code of cluster.sh; output:%n%s", output).isZero();
            return this;
        }
    }

    /** What one {@code scripts/shardline-ctl} run printed on each stream, and its exit code. */
    public record CtlResult(int exitCode, String out, String err) {
        public CtlResult ok() {
            assertThat(exitCode).as("exit code of shardline-ctl; stdout:%n%s%nstderr:%n%s", out, err).isZero();
            return this;
        }
    }

    /** One row of {@code status}. */
    public record NodeStatus(String node, long pid, String state, String addresses) {
    }

    private final Path repo;
    private final Path dir;
    private final int basePort;
    private final Map<String, String> env = new HashMap<>();

    public ClusterScript(String name, int basePort) {
        this.repo = findRepo();
        this.dir = repo.resolve("e2e/target/clusters/" + name);
        this.basePort = basePort;
        // Tests that are not about monitoring run without the _internal writer, so shard listings and
        // groups hold only their own databases; MonitorE2E turns it on.
        env.put("SHARDLINE_MONITOR_STORE_ENABLED", "false");
    }

    public Path dir() {
        return dir;
    }

    /** The repository root (where {@code scripts/} is). */
    public Path repo() {
        return repo;
    }

    public int basePort() {
        return basePort;
    }

    /** Sets an environment variable for later commands (config overrides reach the nodes). */
    public ClusterScript env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** Removes an environment variable set with {@link #env}. */
    public ClusterScript withoutEnv(String key) {
        env.remove(key);
        return this;
    }

    /** Runs {@code cluster.sh <args> --dir <dir>} and returns its exit code and combined output. */
    public Result run(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(repo.resolve("scripts/cluster.sh").toString());
        cmd.addAll(List.of(args));
        cmd.add("--dir");
        cmd.add(dir.toString());
        return exec(cmd, Duration.ofMinutes(5));
    }

    /** Starts a fresh cluster (deleting what an earlier run left in the directory). */
    public Result upFresh(String... extraArgs) throws IOException {
        if (Files.exists(dir)) {
            run("down");
            deleteRecursively(dir);
        }
        List<String> args = new ArrayList<>(List.of("up"));
        args.addAll(List.of(extraArgs));
        return run(args.toArray(String[]::new)).ok();
    }

    /** Parses {@code status}. */
    public Map<String, NodeStatus> status() {
        Map<String, NodeStatus> out = new HashMap<>();
        String[] lines = run("status").ok().output().split("\n");
        for (String line : lines) {
            String[] cols = line.trim().split("\\s+", 4);
            if (cols.length < 4 || cols[0].equals("NODE")) {
                continue;
            }
            out.put(cols[0], new NodeStatus(cols[0], cols[1].equals("-") ? -1 : Long.parseLong(cols[1]), cols[2], cols[3]));
        }
        return out;
    }

    public String url(String node) {
        return run("url", node).ok().output().trim();
    }

    public String api(String node) {
        return run("api", node).ok().output().trim();
    }

    /**
     * Runs {@code scripts/shardline-ctl <args>} (with no standard input) and returns its exit code and
     * its standard output and error separately.
     */
    public CtlResult ctl(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(repo.resolve("scripts/shardline-ctl").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        try {
            Path err = Files.createTempFile("shardline-ctl", ".err");
            try {
                pb.redirectError(err.toFile());
                Process p = pb.start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(2, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError("shardline-ctl " + String.join(" ", args) + " did not finish in 2 minutes");
                }
                CtlResult result = new CtlResult(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                        Files.readString(err));
                System.out.printf("$ shardline-ctl %s%n%s%s(exit %d)%n", String.join(" ", args), result.out(),
                        result.err(), result.exitCode());
                return result;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Stops the cluster; used from @AfterAll so no process outlives the test. */
    @Override
    public void close() {
        if (Files.exists(dir.resolve("cluster.env"))) {
            run("down");
        }
    }

    private Result exec(List<String> cmd, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true);
        pb.environment().put("SHARDLINE_BASE_PORT", Integer.toString(basePort));
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("cluster.sh " + cmd + " did not finish in " + timeout);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            System.out.printf("$ %s%n%s%n", String.join(" ", cmd.subList(1, cmd.size())), text);
            return new Result(p.exitValue(), text);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Path findRepo() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("scripts/cluster.sh"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (scripts/cluster.sh)");
        }
        return p;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
