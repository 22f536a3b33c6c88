package io.shardline.launcher.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.time.Clock;
import io.shardline.common.time.ManualClock;
import io.shardline.config.data.StorageConfig;
import io.shardline.model.Hlc;
import io.shardline.model.Point;
import io.shardline.storage.ShardId;
import io.shardline.storage.rocks.RocksShardEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code shardline inspect export} on a data directory whose node is running (the engine stays open):
 * the exact {@code influx_inspect export} file, the filters, -lponly, -compress, stdout, progress on
 * stderr, and the error messages of 1.x.
 */
class ExportCommandTest {

    private static final long T1 = 1_600_000_000_000_000_000L;
    private static final long T2 = T1 + 3_600_000_000_000L;

    @TempDir
    Path tmp;
    private RocksShardEngine engine;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void write() {
        engine = new RocksShardEngine(StorageConfig.defaults(tmp.resolve("data"), tmp.resolve("wal")), new ManualClock());
        engine.start();
        long v = Hlc.version(1_600_000_000_000L, 0);
        engine.open(new ShardId("db", "autogen", 2)).write(List.of(
                Point.builder("cpu").tag("host", "a").floatField("value", 1e6).integerField("n", -3)
                        .booleanField("ok", true).stringField("s", "say \"hi\" \\ and\nnewline").unsignedField("u", 7)
                        .timestamp(T1).build(),
                Point.builder("cpu").tag("host", "a").floatField("value", 0.5).timestamp(T2).build()), v);
        engine.open(new ShardId("db", "autogen", 10)).write(List.of(
                Point.builder("we ird,m").tag("ta g", "x=y,z").floatField("f \"q\"=,", 123456.0).timestamp(T2).build()),
                v);
        engine.open(new ShardId("my-db", "rp.1", 3)).write(List.of(
                Point.builder("mem").booleanField("free", false).timestamp(-1).build()), v);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("-datadir", tmp.resolve("data").toString()));
        all.addAll(List.of(args));
        return new CommandLine(new ExportCommand(stdout, new PrintStream(stderr, true, StandardCharsets.UTF_8),
                new ManualClock())).execute(all.toArray(String[]::new));
    }

    private String file(String name) throws IOException {
        return Files.readString(tmp.resolve(name));
    }

    @Test
    void writesTheInfluxInspectExportFormat() throws IOException {
        assertThat(run("-out", tmp.resolve("out/export").toString())).isZero();
        assertThat(file("out/export")).isEqualTo("""
                # INFLUXDB EXPORT: 1677-09-21T00:12:43Z - 2262-04-11T23:47:16Z
                # DDL
                CREATE DATABASE db WITH NAME autogen
                CREATE DATABASE "my-db" WITH NAME "rp.1"
                # DML
                # CONTEXT-DATABASE:db
                # CONTEXT-RETENTION-POLICY:autogen
                # writing tsm data
                cpu,host=a n=-3i 1600000000000000000
                cpu,host=a ok=true 1600000000000000000
                cpu,host=a s="say \\"hi\\" \\\\ and
                newline" 1600000000000000000
                cpu,host=a u=7u 1600000000000000000
                cpu,host=a value=1e+06 1600000000000000000
                cpu,host=a value=0.5 1600003600000000000
                we\\ ird\\,m,ta\\ g=x\\=y\\,z f\\ \\"q\\"\\=\\,=123456 1600003600000000000
                # CONTEXT-DATABASE:my-db
                # CONTEXT-RETENTION-POLICY:rp.1
                # writing tsm data
                mem free=false -1
                """);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("exported 8 points from 3 shards").contains("to " + tmp.resolve("out/export"));
    }

    @Test
    void filtersByDatabaseRetentionPolicyShardAndTime() throws IOException {
        assertThat(run("-database", "db", "-retention", "autogen", "-start", "2020-09-13T12:26:40.000000001Z",
                "-end", "2020-09-13T13:26:40Z", "-out", tmp.resolve("part").toString())).isZero();
        assertThat(file("part")).isEqualTo("""
                # INFLUXDB EXPORT: 2020-09-13T12:26:40Z - 2020-09-13T13:26:40Z
                # DDL
                CREATE DATABASE db WITH NAME autogen
                # DML
                # CONTEXT-DATABASE:db
                # CONTEXT-RETENTION-POLICY:autogen
                # writing tsm data
                cpu,host=a value=0.5 1600003600000000000
                we\\ ird\\,m,ta\\ g=x\\=y\\,z f\\ \\"q\\"\\=\\,=123456 1600003600000000000
                """);
        assertThat(run("-shard", "3", "-lponly", "-out", tmp.resolve("one").toString())).isZero();
        assertThat(file("one")).isEqualTo("mem free=false -1\n");
        assertThat(run("-database", "nothing", "-out", tmp.resolve("none").toString())).isZero();
        assertThat(file("none")).isEqualTo("# INFLUXDB EXPORT: 1677-09-21T00:12:43Z - 2262-04-11T23:47:16Z\n# DDL\n# DML\n");
    }

    @Test
    void compressesAndWritesToStdout() throws IOException {
        assertThat(run("-out", tmp.resolve("plain").toString())).isZero();
        assertThat(run("-compress", "-out", tmp.resolve("gz").toString())).isZero();
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(tmp.resolve("gz")))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(file("plain"));
        }
        assertThat(run("-out", "-")).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo(file("plain"));
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("to stdout");
    }

    @Test
    void writesToInfluxsDefaultPathUnderTheHomeDirectoryWithoutOut() throws IOException {
        String home = System.getProperty("user.home");
        System.setProperty("user.home", tmp.resolve("home").toString());
        try {
            assertThat(run()).isZero();
        } finally {
            System.setProperty("user.home", home);
        }
        assertThat(run("-out", tmp.resolve("explicit").toString())).isZero();
        assertThat(file("home/.influxdb/export")).isEqualTo(file("explicit"));
    }

    @Test
    void printsProgressToStderrWhileTheExportRuns() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            points.add(Point.builder("load").tag("host", "h" + (i % 10)).floatField("v", i).timestamp(T1 + i).build());
        }
        engine.open(new ShardId("big", "autogen", 20)).write(points, Hlc.version(1_600_000_000_000L, 0));
        // Each read of the clock is one second later: a progress line is due every second write.
        Clock ticking = new Clock() {
            private long nanos;

            @Override
            public long wallMillis() {
                return 1_600_000_000_000L;
            }

            @Override
            public long wallNanos() {
                return wallMillis() * 1_000_000L;
            }

            @Override
            public long monotonicNanos() {
                long now = nanos;
                nanos += 1_000_000_000L;
                return now;
            }
        };
        int exit = new CommandLine(new ExportCommand(stdout, new PrintStream(stderr, true, StandardCharsets.UTF_8),
                ticking)).execute("-datadir", tmp.resolve("data").toString(), "-database", "big", "-out", "-");
        assertThat(exit).isZero();
        List<String> err = stderr.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(err.subList(0, err.size() - 1)).isNotEmpty().allSatisfy(line -> assertThat(line).matches(
                "exported [\\d,]+ points \\([\\d.]+ KiB\\) in \\d+\\.0s, [\\d,]+ points/s; at shard 20 \\(big/autogen, 1 of 1\\)"));
        assertThat(err.get(err.size() - 1)).startsWith("exported 5,000 points from 1 shards in ").contains("to stdout");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).doesNotContain("exported").contains("load,host=h0 v=0 " + T1 + "\n")
                .endsWith("load,host=h9 v=4999 " + (T1 + 4_999) + "\n");
    }

    @Test
    void reportsErrorsLikeInfluxInspect() {
        assertThat(run("-retention", "autogen")).isEqualTo(1);
        assertThat(run("-start", "2020-01-02T00:00:00Z", "-end", "2020-01-01T00:00:00Z")).isEqualTo(1);
        assertThat(run("-start", "yesterday")).isEqualTo(1);
        assertThat(run("-shard", "99", "-out", tmp.resolve("x").toString())).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "export: must specify a db",
                "export: end time before start time",
                "export: parsing time \"yesterday\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"yesterday\"",
                "export: shard 99 not found");
        stderr.reset();
        assertThat(new CommandLine(new ExportCommand(stdout, new PrintStream(stderr, true, StandardCharsets.UTF_8),
                new ManualClock())).execute("-datadir", tmp.resolve("missing").toString())).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).startsWith("export: data directory ")
                .contains("does not exist");
    }
}
