package io.shardline.ctl.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.CtlEnvironment;
import io.shardline.ctl.TestContexts;
import io.shardline.testkit.ShardlineCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup into a directory whose disk fills up half-way: a real, small tmpfs (mounting needs root,
 * as CI's network drills do; elsewhere the test is skipped, saying why) receives the {@code .meta}
 * but not the shard's archive. The backup fails with one error naming the cause and leaves the
 * directory as it found it: no manifest, no {@code .meta}, no partial archive.
 */
class BackupDiskFullClusterTest {

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) {
            System.out.println(String.join(" ", command) + ": " + output.strip());
        }
        return p.exitValue();
    }

    @Test
    void aFullDiskFailsTheBackupAndLeavesNothingBehind(@TempDir Path parent) throws Exception {
        Path disk = Files.createDirectory(parent.resolve("small-disk"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString()) == 0,
                "mounting a 64 KiB tmpfs needs root");
        try (ShardlineCluster cluster = ShardlineCluster.start(1, 1, Map.of("anti-entropy.enabled", "false"))) {
            assertThat(cluster.query(cluster.data(0), "", "CREATE DATABASE db").status()).isEqualTo(200);
            long seed = System.nanoTime();
            System.out.println("seed=" + seed);
            Random random = new Random(seed);
            for (int batch = 0; batch < 4; batch++) {
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < 10_000; i++) {
                    long t = 1_578_268_800_000_000_000L + (batch * 10_000L + i) * 1_000_000_000L;
                    lines.append("cpu,host=h").append(i % 50).append(" value=").append(random.nextDouble())
                            .append(",n=").append(random.nextLong()).append("i ").append(t).append('\n');
                }
                assertThat(cluster.write(cluster.data(0), "db", "one", lines.toString()).status()).isEqualTo(204);
            }
            StringWriter out = new StringWriter();
            CtlEnvironment env = new CtlEnvironment(new BufferedReader(new StringReader("")), new PrintWriter(out),
                    new PrintWriter(new StringWriter()), Clock.system());
            Path target = disk.resolve("backup");
            try (CtlContext ctx = TestContexts.context("backup", cluster.meta().node(0).apiAddress(),
                    Duration.ofSeconds(10), env)) {
                Backup.Options options = new Backup.Options("full", BackupSelection.Filter.NONE, Optional.empty(),
                        false, 0, 0, "");
                assertThatThrownBy(() -> new Backup(ctx, options, target.toString()).run())
                        .as("printed: %s", out).isInstanceOf(ShardlineException.class)
                        .hasMessageContaining("No space left on device")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            }
            assertThat(out.toString()).contains("Backing up meta data... Done.");
            try (Stream<Path> left = Files.list(target)) {
                assertThat(left.toList()).as("files left in the backup directory").isEmpty();
            }
        } finally {
            assertThat(run("umount", disk.toString())).isZero();
        }
    }
}
