package io.shardline.query.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.shardline.query.exec.ShardResultCodec;
import io.shardline.query.function.PartialStateCodec;
import io.shardline.query.plan.SelectPlanCodec;
import java.util.Arrays;

/**
 * Jazzer target for the query messages other data nodes send (select plans, raw rows, partial aggregates,
 * partial states): malformed bytes fail with {@link IllegalArgumentException} and nothing else — no index
 * errors, no allocation sized by a hostile length. The first byte picks the decoder.
 */
class QueryCodecsFuzzer {

    @FuzzTest(maxDuration = "5s")
    void decode(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] body = Arrays.copyOfRange(data, 1, data.length);
        try {
            switch ((data[0] & 0xff) % 4) {
                case 0 -> SelectPlanCodec.decode(body);
                case 1 -> ShardResultCodec.decodeRows(body);
                case 2 -> ShardResultCodec.decodePartials(body);
                default -> PartialStateCodec.decode(body);
            }
        } catch (IllegalArgumentException expected) {
            // a malformed message, refused
        }
    }
}
