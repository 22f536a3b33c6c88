package io.shardline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Backup and restore with the real jar: a 3-node RF 2 cluster (base port 27000) under a steady drill
 * writer (consistency all, into the current shard group) is backed up in full and, after more writes,
 * incrementally, both while the writer runs; a fresh 2-node cluster (base port 31000) is restored from
 * the latest manifest ({@code -full}) and the database again under a new name ({@code -newdb}); the
 * drill checker then finds every point acknowledged before the incremental backup started on every
 * owner of both databases. A copy of the backup with one corrupted archive is refused, naming the
 * archive and shard, and creates nothing.
 */
class BackupRestoreE2E {

    private static final ClusterScript SOURCE = new ClusterScript("backup-source", E2ePorts.base(27000))
            .env("SHARDLINE_ANTI_ENTROPY_ENABLED", "false");
    /** Enterprise: anti-entropy off on the cluster being restored into. */
    private static final ClusterScript TARGET = new ClusterScript("backup-target", E2ePorts.base(31000))
            .env("SHARDLINE_ANTI_ENTROPY_ENABLED", "false");
    private static final int WRITE_SECONDS = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path work;

    @BeforeAll
    static void up() throws IOException {
        work = SOURCE.dir().resolveSibling("backup-work");
        if (Files.exists(work)) {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        SOURCE.upFresh("--meta", "1", "--data", "3");
        TARGET.upFresh("--meta", "1", "--data", "2");
    }

    @AfterAll
    static void down() {
        SOURCE.close();
        TARGET.close();
    }

    @Test
    void backedUpUnderWritesRestoredIntoASmallerClusterEveryAcknowledgedPointOnEveryOwner() throws Exception {
        assertThat(query(SOURCE, "CREATE DATABASE drill WITH REPLICATION 2")).doesNotContain("error");
        Path log = work.resolve("w1.log");
        Process writer = start(List.of("drill", "write", "--url", SOURCE.url("data1") + "," + SOURCE.url("data2"),
                "--rate", "1000", "--duration", WRITE_SECONDS + "s", "--batch", "50", "--consistency", "all",
                "--writer", "w1", "--log", log.toString()));
        Path backup = work.resolve("backup");
        String bind = SOURCE.api("meta1");

        awaitPoints(3_000);
        ClusterScript.CtlResult full = SOURCE.ctl("-bind", bind, "-timeout", "60s", "backup", "-strategy", "full", backup.toString()).ok();
        assertThat(full.out()).containsPattern("Backing up meta data\\.\\.\\. Done\\. \\d+ bytes transferred\n")
                .containsPattern("Backing up node 127\\.0\\.0\\.1:\\d+, db drill, rp autogen, shard \\d+\\.\\.\\. Done\\. "
                        + "Backed up in \\S+, \\d+ bytes transferred\n")
                .containsPattern("Backed up to \\S+ in \\S+, transferred \\d+ bytes\n");

        // More writes since the full backup, whether or not the drill writer is still going: a few points
        // of another writer tag (the checker reads back only w1's) into the same shard group.
        assertThat(writeExtra()).isEqualTo(204);
        long incrementalStarted = System.currentTimeMillis();
        ClusterScript.CtlResult incremental = SOURCE.ctl("-bind", bind, "-timeout", "60s", "backup", backup.toString()).ok();
        assertThat(incremental.out()).contains("db drill, rp autogen, shard");
        assertThat(writer.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(writer.exitValue()).isZero();

        String manifest;
        try (Stream<Path> s = Files.list(backup)) {
            manifest = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".manifest")).sorted()
                    .reduce((a, b) -> b).orElseThrow();
        }
        String target = TARGET.api("meta1");
        ClusterScript.CtlResult restored = TARGET.ctl("-bind", target, "-timeout", "60s", "restore", "-full",
                backup.resolve(manifest).toString()).ok();
        assertThat(restored.out()).contains("Using manifest: ", "Restoring meta data... Done.",
                "Restored from " + backup.resolve(manifest));
        ClusterScript.CtlResult renamed = TARGET.ctl("-bind", target, "-timeout", "60s", "restore", "-db", "drill", "-newdb", "drill2",
                backup.toString()).ok();
        assertThat(renamed.out()).startsWith("Using backup directory: " + backup + "\n");

        Path acked = ackedBefore(log, incrementalStarted);
        for (String db : List.of("drill", "drill2")) {
            Run check = shardline(List.of("drill", "check", "--log", acked.toString(), "--status-url",
                    TARGET.url("meta1"), "--db", db));
            assertThat(check.exitCode()).as(check.out()).isZero();
            assertThat(check.out()).contains("lost=0", "unexpected=0");
        }

        Path corrupt = work.resolve("corrupt");
        Files.createDirectories(corrupt);
        String archive = null;
        try (Stream<Path> s = Files.list(backup)) {
            for (Path p : s.sorted().toList()) {
                Files.copy(p, corrupt.resolve(p.getFileName()));
                if (p.getFileName().toString().endsWith(".tar.gz")) {
                    archive = p.getFileName().toString(); // the newest: the one a restore of the directory reads
                }
            }
        }
        try (FileChannel ch = FileChannel.open(corrupt.resolve(archive), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {7, 7, 7, 7}), 700);
        }
        ClusterScript.CtlResult refused = TARGET.ctl("-bind", target, "-timeout", "60s", "restore", "-db", "drill", "-newdb", "drill3",
                corrupt.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("Error: archive " + archive + " of shard ")
                .endsWith(" is corrupted: its CRC-32C does not match the manifest\n");
        assertThat(query(TARGET, "SHOW DATABASES")).contains("drill2").doesNotContain("drill3");
    }

    /**
     * The writer's log with every request not answered before {@code cutoffMillis} marked unknown: those
     * points may or may not be in the backup, so the checker neither requires nor forbids them.
     */
    private static Path ackedBefore(Path log, long cutoffMillis) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            String[] f = line.trim().split(" ");
            if (f.length >= 9 && f[5].equals("ok")) {
                long answeredAt = Long.parseLong(f[8]) + (long) Math.ceil(Double.parseDouble(f[7]));
                if (answeredAt >= cutoffMillis) {
                    f[5] = "unknown";
                }
            }
            out.add(String.join(" ", f));
        }
        Path p = log.resolveSibling("w1-acked-before-backup.log");
        Files.write(p, out);
        return p;
    }

    private static String query(ClusterScript cluster, String q) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url("data1") + "/query?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int writeExtra() throws IOException, InterruptedException {
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            b.append("drill,writer=extra seq=").append(i).append("i,v=1 ").append(now - i * 1_000_000L).append('\n');
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create(SOURCE.url("data1") + "/write?db=drill&consistency=all"))
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** Waits (up to a minute) until the source cluster holds at least {@code n} drill points. */
    private static void awaitPoints(long n) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> pointsNow() >= n);
    }

    private static long pointsNow() throws IOException, InterruptedException {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(SOURCE.url("data1") + "/query?db=drill&q="
                + URLEncoder.encode("SELECT count(v) FROM drill", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(",(\\d+)]]").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private record Run(int exitCode, String out) {
    }

    private static Process start(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(SOURCE.repo().resolve("scripts/shardline").toString()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(SOURCE.repo().toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("writer.out").toFile()).start();
    }

    private static Run shardline(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(SOURCE.repo().resolve("scripts/shardline").toString()));
        cmd.addAll(args);
        Path out = Files.createTempFile("backup-e2e", ".out");
        try {
            Process p = new ProcessBuilder(cmd).directory(SOURCE.repo().toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(cmd + " did not finish in 2 minutes");
            }
            Run r = new Run(p.exitValue(), Files.readString(out));
            System.out.printf("$ %s%n%s(exit %d)%n", String.join(" ", cmd), r.out(), r.exitCode());
            return r;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
