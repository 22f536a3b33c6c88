package io.shardline.datanode.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.datanode.write.ShardBatchCodec;
import io.shardline.datanode.write.TombstoneBatch;
import io.shardline.datanode.write.TombstoneBatchCodec;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.TimeRange;
import io.shardline.storage.Tombstone;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TombstoneBatchCodecTest {

    @Test
    void roundTripsEveryPredicateShape() {
        TagPredicate p = TagPredicate.or(TagPredicate.and(TagPredicate.eq("host", "a"), TagPredicate.neq("dc", "")),
                new TagPredicate.Regex("region", java.util.regex.Pattern.compile("(?i)^us", 2), true), TagPredicate.all());
        for (Tombstone t : List.of(Tombstone.dropMeasurement("cpu", 7), Tombstone.dropSeries(null, p, 8),
                Tombstone.delete("m é", TagPredicate.eq("k", "v"), TimeRange.of(-5, 1_000), Long.MAX_VALUE))) {
            byte[] bytes = TombstoneBatchCodec.encode(new TombstoneBatch(42, t));
            assertThat(TombstoneBatchCodec.isTombstoneBatch(bytes)).isTrue();
            assertThat(ShardBatchCodec.shardId(bytes)).isEqualTo(42);
            TombstoneBatch back = TombstoneBatchCodec.decode(bytes);
            assertThat(back.shardId()).isEqualTo(42);
            assertThat(back.tombstone()).isEqualTo(t);
        }
    }

    @Test
    void truncatedInputIsCorruptedNeverAnotherException() {
        byte[] bytes = TombstoneBatchCodec.encode(new TombstoneBatch(1, Tombstone.dropSeries("cpu",
                TagPredicate.and(TagPredicate.eq("a", "b"), TagPredicate.regex("c", "d")), 3)));
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> TombstoneBatchCodec.decode(cut)).isInstanceOf(ShardlineException.class)
                    .satisfies(e -> assertThat(((ShardlineException) e).code()).isEqualTo(ErrorCode.CORRUPTED));
        }
    }
}
