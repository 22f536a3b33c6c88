package io.shardline.meta.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ShardGroupInfoTest {

    @Test
    void containsItsHalfOpenRange() {
        ShardGroupInfo group = Groups.group(1, 100, 200, 1);
        assertThat(group.contains(99)).isFalse();
        assertThat(group.contains(100)).isTrue();
        assertThat(group.contains(199)).isTrue();
        assertThat(group.contains(200)).isFalse();
        assertThat(group.live()).isTrue();
        assertThat(group.effectiveEnd()).isEqualTo(200);
    }

    @Test
    void truncatedGroupOnlyCoversTimesBeforeTruncatedAt() {
        ShardGroupInfo group = Groups.group(1, 100, 200, 1).withTruncatedAt(150);
        assertThat(group.truncated()).isTrue();
        assertThat(group.effectiveEnd()).isEqualTo(150);
        assertThat(group.contains(149)).isTrue();
        assertThat(group.contains(150)).isFalse();
        assertThat(group.overlaps(150, 300)).isFalse();
        assertThat(group.overlaps(149, 300)).isTrue();
    }

    @Test
    void emptiedAndDeletedGroupsCoverNothing() {
        ShardGroupInfo emptied = Groups.group(1, 100, 200, 1).withTruncatedAt(100);
        ShardGroupInfo deleted = Groups.group(2, 100, 200, 1).withDeletedAt(500);
        for (ShardGroupInfo group : List.of(emptied, deleted)) {
            assertThat(group.live()).isFalse();
            assertThat(group.contains(100)).isFalse();
            assertThat(group.overlaps(0, 1000)).isFalse();
        }
        assertThat(deleted.deleted()).isTrue();
        assertThat(emptied.deleted()).isFalse();
    }

    /** FNV-1a 64 check values of the reference (series key → hash) and the expected shard index. */
    @ParameterizedTest
    @CsvSource({
            "1259636973322599647, 2, 1",
            "1259636973322599647, 3, 2",
            "1259636973322599647, 4, 3",
            "13975058814246155160, 2, 0",
            "13975058814246155160, 3, 0",
            "13975058814246155160, 4, 0",
            "16282735905954454002, 4, 2",
            "17701673320873923785, 1, 0"
    })
    void shardForTakesTheHashAsUnsigned(String unsignedHash, int shardCount, int expectedIndex) {
        ShardGroupInfo group = Groups.group(1, 0, 10, shardCount);
        long hash = Long.parseUnsignedLong(unsignedHash);
        assertThat(group.shardFor(hash)).isEqualTo(group.shards().get(expectedIndex));
    }

    @Test
    void shardForWithoutShardsFailsClearly() {
        ShardGroupInfo group = Groups.group(1, 0, 10, 0);
        assertThatThrownBy(() -> group.shardFor(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no shards");
    }

    @Test
    void findsAndReplacesShardsById() {
        ShardGroupInfo group = Groups.group(1, 0, 10, 2);
        assertThat(group.shard(11)).contains(group.shards().get(1));
        assertThat(group.shard(99)).isEmpty();
        ShardInfo replaced = new ShardInfo(11, List.of(7L));
        assertThat(group.withShard(replaced).shards()).containsExactly(group.shards().get(0), replaced);
        assertThatThrownBy(() -> group.withShard(new ShardInfo(99, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsEmptyRanges() {
        assertThatThrownBy(() -> Groups.group(1, 10, 10, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
