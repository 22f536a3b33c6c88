package io.shardline.ctl.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.time.Clock;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.CtlEnvironment;
import io.shardline.ctl.TestContexts;
import io.shardline.testkit.ShardlineCluster;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress lines through the whole backup path (snapshot stream, archive, output) on an in-JVM
 * cluster, timed by a clock that moves one second each time the backup reads it, so every report
 * after the first second is due whatever the machine's speed.
 */
class BackupProgressClusterTest {

    /** Wall time that advances one second per read; monotonic time is the system's. */
    private static final class TickingClock implements Clock {
        private final AtomicLong wall = new AtomicLong(1_700_000_000L * 1_000_000_000L);

        @Override
        public long wallMillis() {
            return wallNanos() / 1_000_000;
        }

        @Override
        public long wallNanos() {
            return wall.getAndAdd(1_000_000_000L);
        }

        @Override
        public long monotonicNanos() {
            return System.nanoTime();
        }
    }

    @Test
    void aShardAboveTheThresholdGetsProgressLinesAndAWholeClosingLine(@TempDir Path dir) {
        try (ShardlineCluster cluster = ShardlineCluster.start(1, 1, Map.of("anti-entropy.enabled", "false"))) {
            assertThat(cluster.query(cluster.data(0), "", "CREATE DATABASE db").status()).isEqualTo(200);
            StringBuilder lines = new StringBuilder();
            IntStream.range(0, 2_000).forEach(i -> lines.append("cpu,host=h").append(i % 20).append(" value=")
                    .append(i).append(' ').append(1_578_268_800_000_000_000L + i * 1_000_000_000L).append('\n'));
            assertThat(cluster.write(cluster.data(0), "db", "one", lines.toString()).status()).isEqualTo(204);
            StringWriter out = new StringWriter();
            CtlEnvironment env = new CtlEnvironment(new BufferedReader(new StringReader("")), new PrintWriter(out),
                    new PrintWriter(new StringWriter()), new TickingClock());
            try (CtlContext ctx = TestContexts.context("backup", cluster.meta().node(0).apiAddress(),
                    Duration.ofSeconds(10), env)) {
                Backup.Options options = new Backup.Options("full", BackupSelection.Filter.NONE, Optional.empty(),
                        false, 0, 0, "");
                assertThat(new Backup(ctx, options, dir.toString(), Duration.ofSeconds(1), 0).run()).isZero();
            }
            List<String> printed = out.toString().lines().toList();
            String opening = "Backing up node 127\\.0\\.0\\.1:\\d+, db db, rp autogen, shard \\d+\\.\\.\\. ";
            System.out.println(out);
            assertThat(printed.get(1)).as("%s", out).matches(opening);
            String progress = "  shard \\d+: \\d+ of \\d+ bytes \\(\\d+%\\), \\d+(\\.\\d+)? (B|kB|MB|GB)/s";
            assertThat(printed.get(2)).matches(progress);
            assertThat(printed.subList(2, printed.size() - 2)).allMatch(l -> l.matches(progress));
            assertThat(printed.get(printed.size() - 2)).matches(opening
                    + "Done\\. Backed up in \\S+, \\d+ bytes transferred");
            assertThat(printed.get(printed.size() - 1)).startsWith("Backed up to " + dir + " in ");
        }
    }
}
