package io.shardline.meta.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardInfoTest {

    @Test
    void addsOwnersAtTheEndOnce() {
        ShardInfo shard = new ShardInfo(1, List.of(4L, 5L));
        assertThat(shard.withOwner(6).owners()).containsExactly(4L, 5L, 6L);
        assertThat(shard.withOwner(5)).isSameAs(shard);
    }

    @Test
    void removesOwnersKeepingOrder() {
        ShardInfo shard = new ShardInfo(1, List.of(4L, 5L, 6L));
        assertThat(shard.withoutOwner(5).owners()).containsExactly(4L, 6L);
        assertThat(shard.withoutOwner(9)).isSameAs(shard);
        assertThat(shard.withoutOwner(4).withoutOwner(5).withoutOwner(6).owners()).isEmpty();
    }

    @Test
    void rejectsDuplicateOwnersAndCopiesTheList() {
        assertThatThrownBy(() -> new ShardInfo(1, List.of(4L, 4L))).isInstanceOf(IllegalArgumentException.class);
        List<Long> owners = new ArrayList<>(List.of(4L));
        ShardInfo shard = new ShardInfo(1, owners);
        owners.add(5L);
        assertThat(shard.owners()).containsExactly(4L);
        assertThat(shard.ownedBy(4)).isTrue();
        assertThat(shard.ownedBy(5)).isFalse();
    }
}
