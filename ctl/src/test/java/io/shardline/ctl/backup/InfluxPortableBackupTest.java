package io.shardline.ctl.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.auth.Privilege;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.io.FileChecksums;
import io.shardline.ctl.backup.BackupManifest.ArchivedFile;
import io.shardline.ctl.backup.BackupManifest.ShardEntry;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ContinuousQueryInfo;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.UserInfo;
import io.shardline.tsm.TsmArchive;
import io.shardline.tsm.interop.Influxd;
import io.shardline.tsm.interop.Tar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest, {@code .meta} and shard archives of a backup made by the real {@code influxd backup
 * -portable} (1.6.7, started by the test on loopback ports 20310/20311): what a restore reads from them,
 * and one-line errors for a damaged or unsupported {@code .meta} and a damaged archive. Skipped where
 * influxd is not installed.
 */
class InfluxPortableBackupTest {

    private static final long HOUR = 3_600_000_000_000L;
    /** 2023-01-02T00:00:00Z, a Monday: the start of a 7-day shard group. */
    private static final long T0 = 1_672_617_600_000_000_000L;

    @TempDir
    static Path work;
    private static Path backup;

    @BeforeAll
    static void backUp() throws Exception {
        Assumptions.assumeTrue(Influxd.installed(), "influxd is not installed (apt-get install influxdb); skipping");
        try (Influxd influxd = Influxd.start(work.resolve("influxd"), 20310, 20311)) {
            influxd.query(null, "CREATE DATABASE vec WITH DURATION INF REPLICATION 1 SHARD DURATION 7d NAME main");
            influxd.query(null, "CREATE RETENTION POLICY hourly ON vec DURATION INF REPLICATION 1 SHARD DURATION 1h");
            influxd.query(null, "CREATE USER old WITH PASSWORD 'pw' WITH ALL PRIVILEGES");
            influxd.query(null, "CREATE USER reader WITH PASSWORD 'pw2'");
            influxd.query(null, "GRANT READ ON vec TO reader");
            influxd.query(null, "CREATE CONTINUOUS QUERY cq_h ON vec BEGIN SELECT mean(usage) INTO vec.hourly.cpu_h"
                    + " FROM vec.main.cpu GROUP BY time(1h), * END");
            influxd.query(null, "CREATE SUBSCRIPTION feed ON vec.main DESTINATIONS ALL 'http://127.0.0.1:9'");
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                b.append("cpu,host=h").append(i % 3).append(" v=").append(i * 0.5).append(",n=").append(i)
                        .append("i,s=\"x").append(i).append("\",ok=").append(i % 2 == 0).append(' ')
                        .append(T0 + i * HOUR).append('\n');
            }
            influxd.write("vec", null, b.toString().getBytes(StandardCharsets.UTF_8));
            influxd.write("vec", "hourly", ("m f=1 " + T0 + "\nm f=2 " + (T0 + HOUR) + "\n").getBytes(StandardCharsets.UTF_8));
            // a first backup snapshots the cache into TSM files, so the delete writes tombstone files
            influxd.tool("backup", "-portable", "-host", influxd.rpcAddress(), work.resolve("first").toString());
            influxd.query("vec", "DELETE FROM cpu WHERE host = 'h1'");
            backup = work.resolve("backup");
            influxd.tool("backup", "-portable", "-host", influxd.rpcAddress(), backup.toString());
        }
    }

    @Test
    void theManifestListsEveryShardOfEveryPolicy() {
        BackupSet set = BackupSet.load(backup);
        assertThat(set.meta().fileName()).endsWith(".meta");
        assertThat(set.meta().crc32c()).isNull();
        List<ShardEntry> shards = set.shards();
        // cpu spans 100 hours: groups of 7 days hold it in 1 shard; m two 1-hour groups
        assertThat(shards).extracting(ShardEntry::policy).containsOnly("main", "hourly");
        assertThat(shards.stream().filter(e -> e.policy().equals("hourly"))).hasSize(2);
        assertThat(shards).allSatisfy(e -> {
            assertThat(e.database()).isEqualTo("vec");
            assertThat(e.fileName()).isEqualTo(set.meta().fileName().replace(".meta", ".s" + e.shardId() + ".tar.gz"));
            assertThat(ShardPayload.foreign(e)).isTrue();
        });
    }

    @Test
    void theMetaHoldsPoliciesShardGroupsAndUsersWithTheirHashes() {
        BackupSet set = BackupSet.load(backup);
        ClusterMetadata meta = set.metadata();
        DatabaseInfo db = meta.databases().get("vec");
        assertThat(db.defaultRetentionPolicyName()).isEqualTo("main");
        RetentionPolicyInfo main = db.retentionPolicies().get("main");
        assertThat(List.of(main.duration(), main.shardGroupDuration(), (long) main.replicaN()))
                .containsExactly(0L, 7 * 24 * HOUR, 1L);
        RetentionPolicyInfo hourly = db.retentionPolicies().get("hourly");
        assertThat(hourly.shardGroupDuration()).isEqualTo(HOUR);
        assertThat(hourly.shardGroups()).extracting(ShardGroupInfo::startTime).containsExactly(T0, T0 + HOUR);
        assertThat(hourly.shardGroups()).allSatisfy(g -> assertThat(g.endTime() - g.startTime()).isEqualTo(HOUR));
        assertThat(main.shardGroups()).extracting(ShardGroupInfo::startTime).containsExactly(T0);
        List<Long> shardIds = db.retentionPolicies().values().stream().flatMap(rp -> rp.shardGroups().stream())
                .flatMap(g -> g.shards().stream()).map(s -> s.id()).sorted().toList();
        assertThat(set.shards().stream().map(ShardEntry::shardId).sorted().toList()).isEqualTo(shardIds);
        UserInfo old = meta.users().stream().filter(u -> u.name().equals("old")).findFirst().orElseThrow();
        assertThat(old.admin()).isTrue();
        assertThat(old.hash()).startsWith("$2a$");
        UserInfo reader = meta.users().stream().filter(u -> u.name().equals("reader")).findFirst().orElseThrow();
        assertThat(reader.admin()).isFalse();
        assertThat(reader.privileges()).containsEntry("vec", Privilege.READ);
        // the continuous query as 1.x stored it; the subscription, which Shardline lacks, named so restore can say so
        assertThat(db.continuousQueries()).extracting(ContinuousQueryInfo::name, ContinuousQueryInfo::query)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cq_h", "CREATE CONTINUOUS QUERY cq_h ON vec BEGIN"
                        + " SELECT mean(usage) INTO vec.hourly.cpu_h FROM vec.main.cpu GROUP BY time(1h), * END"));
        assertThat(set.contents().subscriptions()).containsExactly("vec.main.feed");
    }

    @Test
    void anArchiveIsSentWholeAndUnpacksToItsTsmAndTombstoneFiles() throws Exception {
        BackupSet set = BackupSet.load(backup);
        ShardEntry cpu = set.shards().stream().filter(e -> e.policy().equals("main")).findFirst().orElseThrow();
        ShardPayload payload = ShardPayload.of(backup, cpu);
        Path archive = backup.resolve(cpu.fileName());
        assertThat(payload.format()).isEqualTo(ShardPayload.TSM_ARCHIVE);
        assertThat(payload.whole()).isTrue();
        assertThat(payload.files()).containsExactly(new ArchivedFile(cpu.fileName(), Files.size(archive),
                FileChecksums.crc32c(archive)));

        // what the owner unpacks: every TSM and tombstone file under its base name, the index files left out
        Map<String, byte[]> entries = Tar.read(archive);
        Path dir = Files.createDirectories(work.resolve("unpacked"));
        List<Path> unpacked = TsmArchive.extract(archive, dir);
        Map<String, byte[]> expected = new TreeMap<>();
        entries.forEach((name, content) -> {
            if (name.endsWith(".tsm") || name.endsWith(".tombstone")) {
                assertThat(name).startsWith("vec/main/" + cpu.shardId() + "/");
                expected.put(name.substring(name.lastIndexOf('/') + 1), content);
            }
        });
        assertThat(expected.keySet()).anyMatch(n -> n.endsWith(".tsm")).anyMatch(n -> n.endsWith(".tombstone"));
        assertThat(unpacked).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrderElementsOf(
                expected.keySet());
        for (Path p : unpacked) {
            assertThat(p.getParent()).isEqualTo(dir);
            assertThat(Files.readAllBytes(p)).as(p.toString()).isEqualTo(expected.get(p.getFileName().toString()));
        }
    }

    @Test
    void aDamagedOrUnsupportedMetaIsOneErrorNamingTheFile() throws Exception {
        Path copy = copyOfBackup("meta");
        BackupSet set = BackupSet.load(copy);
        Path meta = copy.resolve(set.meta().fileName());
        byte[] good = Files.readAllBytes(meta);

        // a raw metastore snapshot (legacy format) where the portable PortableData belongs
        byte[] raw = new byte[good.length + 8];
        System.arraycopy(new byte[] {0, 0, 0, 0, 0x59, 0x59, 1, 1}, 0, raw, 0, 8);
        Files.write(meta, raw);
        assertThatThrownBy(set::metadata).isInstanceOf(ShardlineException.class)
                .hasMessage("meta file " + set.meta().fileName() + ": unsupported .meta version: a raw metastore snapshot"
                        + " (magic 0x59590101, InfluxDB's legacy backup format), not a portable backup's PortableData")
                .satisfies(e -> assertThat(((ShardlineException) e).code()).isEqualTo(ErrorCode.CORRUPTED));

        // a PortableData field 1.x does not write
        byte[] newer = Arrays.copyOf(good, good.length + 2);
        newer[good.length] = 0x18; // field 3, varint
        newer[good.length + 1] = 1;
        Files.write(meta, newer);
        assertThatThrownBy(set::metadata).hasMessage("meta file " + set.meta().fileName()
                + ": unsupported .meta version: PortableData has field 3, which InfluxDB 1.x does not write");

        Files.write(meta, Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(set::metadata).isInstanceOf(ShardlineException.class)
                .hasMessageStartingWith("meta file " + set.meta().fileName() + ": ").hasMessageNotContaining("\n");
    }

    @Test
    void aTruncatedArchiveIsRefusedWhenUnpacked() throws Exception {
        Path copy = copyOfBackup("archive");
        ShardEntry cpu = BackupSet.load(copy).shards().stream().filter(e -> e.policy().equals("main")).findFirst()
                .orElseThrow();
        Path archive = copy.resolve(cpu.fileName());
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, Arrays.copyOf(bytes, bytes.length - 12));
        // the ctl sends it as it is (the restore names archive and shard before the owner's error)
        assertThat(ShardPayload.of(copy, cpu).files().get(0).size()).isEqualTo(bytes.length - 12);
        Path dir = Files.createDirectories(work.resolve("truncated"));
        assertThatThrownBy(() -> TsmArchive.extract(archive, dir)).isInstanceOf(ShardlineException.class)
                .hasMessageStartingWith("the shard archive is not a readable tar.gz: ").hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((ShardlineException) e).code()).isEqualTo(ErrorCode.CORRUPTED));
    }

    private static Path copyOfBackup(String name) throws Exception {
        Path copy = work.resolve(name);
        Files.createDirectories(copy);
        try (var s = Files.list(backup)) {
            for (Path p : s.toList()) {
                Files.copy(p, copy.resolve(p.getFileName()));
            }
        }
        return copy;
    }
}
