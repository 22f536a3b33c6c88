package io.shardline.ctl.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.ctl.backup.BackupSelection.Choice;
import io.shardline.ctl.backup.BackupSelection.Filter;
import io.shardline.ctl.backup.BackupSelection.Replica;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ShardLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Which shards a backup takes, and from which owner. */
class BackupSelectionTest {

    private static final long HOUR = 3_600_000_000_000L;
    private static final ClusterMetadata META = BackupFormatTest.metadata();

    private static List<Long> ids(List<ShardLocation> shards) {
        return shards.stream().map(ShardLocation::shardId).toList();
    }

    @Test
    void filtersByDatabasePolicyShardAndTimeOverlap() {
        assertThat(ids(BackupSelection.candidates(META, Filter.NONE))).containsExactly(1L, 2L, 3L);
        assertThat(ids(BackupSelection.candidates(META, new Filter("other", "", 0, OptionalLong.empty(),
                OptionalLong.empty())))).isEmpty();
        assertThat(ids(BackupSelection.candidates(META, new Filter("telegraf", "autogen", 3, OptionalLong.empty(),
                OptionalLong.empty())))).containsExactly(3L);
        // [23h, 24h) overlaps only the first group; [24h, 25h) only the second; end is exclusive.
        assertThat(ids(BackupSelection.candidates(META, new Filter("", "", 0, OptionalLong.of(23 * HOUR),
                OptionalLong.of(24 * HOUR))))).containsExactly(1L);
        assertThat(ids(BackupSelection.candidates(META, new Filter("", "", 0, OptionalLong.of(24 * HOUR),
                OptionalLong.empty())))).containsExactly(2L, 3L);
        assertThat(Filter.NONE.limited()).isFalse();
        assertThat(new Filter("telegraf", "", 0, OptionalLong.empty(), OptionalLong.empty()).limited()).isTrue();
    }

    @Test
    void theOwnerWithTheMostRecentWriteIsChosenSkippingEmptyAndMissingCopies() {
        Replica old = new Replica(4, "d1:8088", 100, 10, true);
        Replica recent = new Replica(5, "d2:8088", 200, 10, true);
        Replica empty = new Replica(6, "d3:8088", 300, 0, true);
        Replica missing = new Replica(7, "d4:8088", 400, 10, false);
        assertThat(BackupSelection.owner(List.of(old, recent, empty, missing), Optional.empty())).contains(recent);
        assertThat(BackupSelection.owner(List.of(old, recent), Optional.of("d1:8088"))).contains(old);
        // -from is a preference: an owner without a usable copy is passed over.
        assertThat(BackupSelection.owner(List.of(old, empty), Optional.of("d3:8088"))).contains(old);
        assertThat(BackupSelection.owner(List.of(empty, missing), Optional.empty())).isEmpty();
    }

    @Test
    void anIncrementalBackupTakesOnlyShardsChangedSinceOrNewToTheDirectory() {
        List<ShardLocation> all = BackupSelection.candidates(META, Filter.NONE);
        Map<Long, List<Replica>> replicas = Map.of(
                1L, List.of(new Replica(4, "d1:8088", 100, 10, true)),
                2L, List.of(new Replica(5, "d2:8088", 250, 10, true)),
                3L, List.of(new Replica(6, "d3:8088", 300, 10, true)));
        Map<Long, Long> previous = Map.of(1L, 100L, 2L, 200L);
        List<Choice> incremental = BackupSelection.choose(all, replicas, Optional.empty(), true, previous);
        assertThat(incremental.stream().map(c -> c.shard().shardId())).containsExactly(2L, 3L);
        List<Choice> full = BackupSelection.choose(all, replicas, Optional.empty(), false, previous);
        assertThat(full.stream().map(c -> c.shard().shardId())).containsExactly(1L, 2L, 3L);
        // A shard no owner holds data for is not backed up.
        assertThat(BackupSelection.choose(all, Map.of(), Optional.empty(), false, Map.of())).isEmpty();
    }
}
