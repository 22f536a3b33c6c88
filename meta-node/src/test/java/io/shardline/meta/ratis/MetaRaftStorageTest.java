package io.shardline.meta.ratis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a meta node's Raft storage counts as holding a group (so its start must not re-found it). */
class MetaRaftStorageTest {

    @TempDir
    Path dir;

    @Test
    void noDirectoryIsFresh() {
        assertThat(MetaRaft.hasRaftHistory(dir.resolve("group"))).isFalse();
    }

    @Test
    void aFormattedStorageWithoutConfigurationLogOrSnapshotIsFresh() throws Exception {
        // What a first start leaves when it fails right after Ratis formatted the storage.
        Path group = dir.resolve("group");
        Files.createDirectories(group.resolve("current"));
        Files.createDirectories(group.resolve("sm"));
        Files.writeString(group.resolve("current/raft-meta"), "term=0");
        assertThat(MetaRaft.hasRaftHistory(group)).isFalse();
    }

    @Test
    void aPersistedConfigurationALogSegmentOrASnapshotIsHistory() throws Exception {
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf.resolve("current"));
        Files.writeString(conf.resolve("current/raft-meta.conf"), "x");
        assertThat(MetaRaft.hasRaftHistory(conf)).isTrue();

        Path log = dir.resolve("log");
        Files.createDirectories(log.resolve("current"));
        Files.writeString(log.resolve("current/log_inprogress_0"), "x");
        assertThat(MetaRaft.hasRaftHistory(log)).isTrue();

        Path snapshot = dir.resolve("snapshot");
        Files.createDirectories(snapshot.resolve("sm"));
        Files.writeString(snapshot.resolve("sm/snapshot.1_16"), "x");
        assertThat(MetaRaft.hasRaftHistory(snapshot)).isTrue();
    }
}
