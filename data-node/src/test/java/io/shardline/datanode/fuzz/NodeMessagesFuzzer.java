package io.shardline.datanode.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.shardline.common.error.ShardlineException;
import io.shardline.datanode.write.ShardBatchCodec;
import io.shardline.datanode.write.TombstoneBatchCodec;
import io.shardline.storage.digest.PresenceCodec;
import io.shardline.storage.digest.RangeListCodec;
import io.shardline.storage.digest.RowDigestCodec;
import java.util.Arrays;

/**
 * Jazzer target for the binary messages data nodes exchange (shard write batches, tombstone batches, and the
 * anti-entropy digests, presence requests and range lists): a malformed message is refused with
 * {@link ShardlineException} or {@link IllegalArgumentException}, never another exception or an allocation
 * sized by a hostile length. The first byte picks the decoder.
 */
class NodeMessagesFuzzer {

    @FuzzTest(maxDuration = "5s")
    void decode(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] body = Arrays.copyOfRange(data, 1, data.length);
        try {
            switch ((data[0] & 0xff) % 6) {
                case 0 -> ShardBatchCodec.decode(body);
                case 1 -> TombstoneBatchCodec.decode(body);
                case 2 -> RowDigestCodec.decode(body);
                case 3 -> PresenceCodec.decodeRequest(body);
                case 4 -> PresenceCodec.decodeAnswer(body, RangeListCodec.decode(body));
                default -> RangeListCodec.decode(body);
            }
        } catch (ShardlineException | IllegalArgumentException expected) {
            // a malformed message, refused
        }
    }
}
