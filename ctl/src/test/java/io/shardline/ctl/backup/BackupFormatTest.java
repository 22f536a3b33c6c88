package io.shardline.ctl.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.auth.Privilege;
import io.shardline.common.io.ShardArchiveReader;
import io.shardline.common.io.TarFormat;
import io.shardline.ctl.backup.BackupManifest.ArchivedFile;
import io.shardline.ctl.backup.BackupManifest.MetaEntry;
import io.shardline.ctl.backup.BackupManifest.ShardEntry;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ContinuousQueryInfo;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.meta.model.UserInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup files: manifest JSON, the portable .meta, shard archives and the directory check. */
class BackupFormatTest {

    private static final long HOUR = 3_600_000_000_000L;

    @TempDir
    Path dir;

    static ClusterMetadata metadata() {
        ShardGroupInfo g1 = new ShardGroupInfo(1, 0, 24 * HOUR, 0, 0, List.of(new ShardInfo(1, List.of(4L, 5L))));
        ShardGroupInfo g2 = new ShardGroupInfo(2, 24 * HOUR, 48 * HOUR, 30 * HOUR, 0,
                List.of(new ShardInfo(2, List.of(5L, 6L)), new ShardInfo(3, List.of(6L, 4L))));
        RetentionPolicyInfo rp = new RetentionPolicyInfo("autogen", 0, 24 * HOUR, 2, List.of(g1, g2));
        RetentionPolicyInfo week = new RetentionPolicyInfo("week", 168 * HOUR, HOUR, 1, List.of());
        TreeMap<String, RetentionPolicyInfo> rps = new TreeMap<>();
        rps.put("autogen", rp);
        rps.put("week", week);
        TreeMap<String, DatabaseInfo> dbs = new TreeMap<>();
        dbs.put("telegraf", new DatabaseInfo("telegraf", "autogen", rps, List.of(new ContinuousQueryInfo("cq_1h",
                "CREATE CONTINUOUS QUERY cq_1h ON telegraf BEGIN SELECT mean(usage) INTO telegraf.week.cpu_1h FROM"
                        + " telegraf.autogen.cpu GROUP BY time(1h), * END", 0))));
        TreeMap<String, Privilege> privileges = new TreeMap<>();
        privileges.put("telegraf", Privilege.WRITE);
        return new ClusterMetadata(List.of(new NodeInfo(1, "m1:8089", "m1:8091")),
                List.of(new NodeInfo(4, "d1:8088", "d1:8086"), new NodeInfo(5, "d2:8088", "d2:8086"),
                        new NodeInfo(6, "d3:8088", "d3:8086")),
                dbs, 6, 2, 3, 77, List.of(new UserInfo("bob", "$2a$10$hash", false, privileges)));
    }

    @Test
    void theMetaFileRoundTripsThroughThePortableEncoding() {
        ClusterMetadata m = metadata();
        byte[] file = PortableMeta.encode(m);
        ClusterMetadata back = PortableMeta.decode(file);
        assertThat(back.databases()).isEqualTo(m.databases());
        assertThat(back.users()).isEqualTo(m.users());
        assertThat(back.dataNodes()).isEqualTo(m.dataNodes());
        assertThat(back.metaNodes()).isEqualTo(m.metaNodes());
        assertThat(List.of(back.maxNodeId(), back.maxShardGroupId(), back.maxShardId(), back.version()))
                .containsExactly(6L, 2L, 3L, 77L);
        // PortableData: field 1 (bytes) then field 2 (varint 0), as 1.x's backup writes it.
        assertThat(file[0]).isEqualTo((byte) 0x0a);
        assertThat(file[file.length - 2]).isEqualTo((byte) 0x10);
        assertThat(file[file.length - 1]).isEqualTo((byte) 0);
        assertThatThrownBy(() -> PortableMeta.decode(new byte[] {0x08, 0x01}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a portable meta file");
    }

    @Test
    void theManifestRoundTripsWith1xFieldNames() throws IOException {
        BackupManifest m = new BackupManifest(new MetaEntry("20230101T000000Z.meta", 421, 0x1234), false,
                List.of(new ShardEntry("telegraf", "autogen", 4, "20230101T000000Z.s4.tar.gz", 307712, 99, -5,
                        "1970-01-01T00:00:00Z", "1970-01-02T00:00:00Z", "d1:8088",
                        List.of(new ArchivedFile("000009.sst", 300000, 7)))), "", "", 0, "full");
        String json = BackupFiles.json(m);
        assertThat(json).contains("\"meta\"", "\"fileName\"", "\"limited\" : false", "\"shardID\" : 4",
                "\"lastModified\" : 99").doesNotContain("\"shard_id\"", "\"database\" : \"\"");
        assertThat(BackupFiles.parse(json)).isEqualTo(m);
        assertThat(m.size()).isEqualTo(421 + 307712);

        // 1.x's manifest (no extra fields) reads, with the limited fields.
        BackupManifest oss = BackupFiles.parse("{\"meta\":{\"fileName\":\"x.meta\",\"size\":3},\"limited\":true,"
                + "\"files\":[{\"database\":\"db\",\"policy\":\"rp\",\"shardID\":1,\"fileName\":\"x.s1.tar.gz\","
                + "\"size\":9,\"lastModified\":0}],\"database\":\"db\",\"shard_id\":1}");
        assertThat(oss.files().get(0).crc32c()).isNull();
        assertThat(oss.database()).isEqualTo("db");
        assertThat(oss.shardId()).isEqualTo(1);
    }

    @Test
    void aManifestIsWrittenAtomicallyAndTheDirectoryMayHoldOnlyBackupFiles() throws IOException {
        BackupManifest m = new BackupManifest(new MetaEntry("20230101T000000Z.meta", 1, null), false, List.of(), "", "",
                0, "only-meta");
        BackupFiles.write(m, dir.resolve("20230101T000000Z.manifest"));
        Files.write(dir.resolve("20230101T000000Z.meta"), new byte[1]);
        Files.write(dir.resolve("20230101T000001Z.s3.tar.gz.pending"), new byte[1]);
        assertThat(BackupFiles.manifests(dir)).containsExactly(dir.resolve("20230101T000000Z.manifest"));
        assertThat(BackupFiles.read(dir.resolve("20230101T000000Z.manifest"))).isEqualTo(m);

        Files.write(dir.resolve("meta.00"), new byte[1]);
        assertThatThrownBy(() -> BackupFiles.manifests(dir)).hasMessage("directory " + dir
                + " holds meta.00, which is not part of a portable backup");
    }

    @Test
    void anArchiveHoldsTheFilesWithTheirChecksumsAndCorruptionIsDetected() throws IOException {
        long seed = System.nanoTime();
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        byte[] a = new byte[700_000];
        byte[] b = new byte[513];
        random.nextBytes(a);
        random.nextBytes(b);
        Path archive = dir.resolve("20230101T000000Z.s1.tar.gz");
        List<ArchivedFile> files;
        int crc;
        try (ShardArchiveWriter w = new ShardArchiveWriter(archive, Deflater.NO_COMPRESSION, 1_700_000_000L)) {
            files = List.of(w.file("000001.sst", a.length, out -> out.write(ByteBuffer.wrap(a))),
                    w.file("CURRENT", b.length, out -> out.write(ByteBuffer.wrap(b))));
            w.finish();
            crc = w.crc32c();
        }
        assertThat(io.shardline.common.io.FileChecksums.crc32c(archive)).isEqualTo(crc);
        try (ShardArchiveReader r = new ShardArchiveReader(archive)) {
            assertThat(r.next()).isEqualTo(new TarFormat.Entry("000001.sst", a.length));
            assertThat(content(r, a.length)).isEqualTo(a);
            assertThat(r.next()).isEqualTo(new TarFormat.Entry("CURRENT", b.length));
            assertThat(content(r, b.length)).isEqualTo(b);
            assertThat(r.next()).isNull();
        }
        ShardEntry entry = new ShardEntry("db", "rp", 1, archive.getFileName().toString(), Files.size(archive), 0, crc,
                null, null, null, files);
        ShardArchives.verify(dir, entry);

        try (FileChannel ch = FileChannel.open(archive, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {42}), 1000);
        }
        assertThatThrownBy(() -> ShardArchives.verify(dir, entry)).hasMessage("archive " + archive.getFileName()
                + " of shard 1 is corrupted: its CRC-32C does not match the manifest");
        try (FileChannel ch = FileChannel.open(archive, StandardOpenOption.WRITE)) {
            ch.truncate(5000);
        }
        assertThatThrownBy(() -> ShardArchives.verify(dir, entry)).hasMessage("archive " + archive.getFileName()
                + " of shard 1 is truncated or has the wrong size: 5000 bytes, the manifest says " + entry.size());
    }

    @Test
    void storedAndCompressedArchivesAreTheSameTarAndCarryTheSameFileChecksums() throws IOException {
        long seed = System.nanoTime();
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        // above the stored writer's 1 MiB buffer and many 64 KiB blocks; an odd size, written in odd pieces
        byte[] a = new byte[3 * (1 << 20) + 12_345];
        random.nextBytes(a);
        byte[] b = new byte[0];
        byte[] c = "0123456789".repeat(40_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[][] tars = new byte[2][];
        List<List<ArchivedFile>> entries = new java.util.ArrayList<>();
        int[] levels = {Deflater.NO_COMPRESSION, Deflater.BEST_SPEED};
        for (int l = 0; l < levels.length; l++) {
            Path archive = dir.resolve("20230101T000000Z.s" + (l + 2) + ".tar.gz");
            List<ArchivedFile> files = new java.util.ArrayList<>();
            int crc;
            long size;
            try (ShardArchiveWriter w = new ShardArchiveWriter(archive, levels[l], 1_700_000_000L)) {
                for (byte[] f : List.of(a, b, c)) {
                    files.add(w.file("f" + files.size(), f.length, out -> {
                        long n = 0;
                        for (int at = 0; at < f.length; ) {
                            int k = Math.min(f.length - at, 1 + random.nextInt(300_000));
                            // a read-only view, as a received chunk's data is
                            n += out.write(ByteBuffer.wrap(f, at, k).slice().asReadOnlyBuffer());
                            at += k;
                        }
                        return n;
                    }));
                }
                size = w.finish();
                crc = w.crc32c();
            }
            assertThat(Files.size(archive)).isEqualTo(size);
            assertThat(io.shardline.common.io.FileChecksums.crc32c(archive)).isEqualTo(crc);
            // GZIPInputStream checks the member's CRC-32 and length trailer at its end
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(archive))) {
                tars[l] = in.readAllBytes();
            }
            entries.add(files);
        }
        assertThat(tars[1]).isEqualTo(tars[0]);
        assertThat(entries.get(1)).isEqualTo(entries.get(0));
        java.util.zip.CRC32C expected = new java.util.zip.CRC32C();
        expected.update(a);
        assertThat(entries.get(0).get(0)).isEqualTo(new ArchivedFile("f0", a.length, (int) expected.getValue()));
        try (ShardArchiveReader r = new ShardArchiveReader(dir.resolve("20230101T000000Z.s2.tar.gz"))) {
            assertThat(r.next()).isEqualTo(new TarFormat.Entry("f0", a.length));
            assertThat(content(r, a.length)).isEqualTo(a);
            assertThat(r.next()).isEqualTo(new TarFormat.Entry("f1", 0));
            assertThat(r.next()).isEqualTo(new TarFormat.Entry("f2", c.length));
            assertThat(content(r, c.length)).isEqualTo(c);
            assertThat(r.next()).isNull();
        }
    }

    private static byte[] content(ShardArchiveReader r, int size) throws IOException {
        ByteBuffer all = ByteBuffer.allocate(size);
        for (ByteBuffer chunk; (chunk = r.read(100_000)).hasRemaining(); ) {
            all.put(chunk);
        }
        return all.array();
    }
}
