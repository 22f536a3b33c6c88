package io.shardline.datanode.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.model.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShardBatchCodecTest {

    @Test
    void roundTripsEveryFieldTypeAndAwkwardNames() {
        List<Point> points = List.of(
                Point.builder("cpu load").tag("host", "a,b=c d").tag("région", "Zürich").floatField("v", -0.0)
                        .integerField("i", Long.MIN_VALUE).unsignedField("u", -1L).booleanField("b", true)
                        .stringField("s", "quote \" back\\slash\nnewline ☃").timestamp(Long.MIN_VALUE + 2).build(),
                Point.builder("m").floatField("v", Double.MAX_VALUE).timestamp(Long.MAX_VALUE - 1).build(),
                Point.builder("m").floatField("v", 5e-324).timestamp(0).build());
        ShardBatch batch = new ShardBatch(17, 0x1234_5678_9abcL, points);
        ShardBatch back = ShardBatchCodec.decode(ShardBatchCodec.encode(batch));
        assertThat(back).isEqualTo(batch);
        assertThat(ShardBatchCodec.shardId(ShardBatchCodec.encode(batch))).isEqualTo(17);
    }

    @Test
    void seededRandomBatchesRoundTrip() {
        long seed = Long.getLong("shardline.seed", 20261206L);
        System.out.println("ShardBatchCodecTest seed=" + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < rnd.nextInt(50); i++) {
                var b = Point.builder("m" + rnd.nextInt(3)).tag("h", "h" + rnd.nextInt(5));
                switch (rnd.nextInt(5)) {
                    case 0 -> b.floatField("f", rnd.nextGaussian() * 1e6);
                    case 1 -> b.integerField("i", rnd.nextLong());
                    case 2 -> b.unsignedField("u", rnd.nextLong());
                    case 3 -> b.booleanField("b", rnd.nextBoolean());
                    default -> b.stringField("s", Long.toString(rnd.nextLong(), 36));
                }
                points.add(b.floatField("g", rnd.nextDouble()).timestamp(rnd.nextLong()).build());
            }
            ShardBatch batch = new ShardBatch(rnd.nextLong() & Long.MAX_VALUE, rnd.nextLong(), points);
            assertThat(ShardBatchCodec.decode(ShardBatchCodec.encode(batch))).as("seed %d", seed).isEqualTo(batch);
        }
    }

    @Test
    void malformedBytesAreCorrupted() {
        byte[] good = ShardBatchCodec.encode(new ShardBatch(1, 2,
                List.of(Point.builder("m").floatField("v", 1).timestamp(5).build())));
        for (byte[] bad : List.of(new byte[3], "XX".getBytes(), Arrays.copyOf(good, good.length - 3))) {
            assertThatThrownBy(() -> ShardBatchCodec.decode(bad)).isInstanceOf(ShardlineException.class)
                    .satisfies(e -> assertThat(((ShardlineException) e).code()).isEqualTo(ErrorCode.CORRUPTED));
        }
    }

    /** Found by NodeMessagesFuzzer: a string length pointing past the end was an index error, not CORRUPTED. */
    @org.junit.jupiter.api.Test
    void aStringRunningPastTheEndIsCorruptedNotAnIndexError() throws Exception {
        byte[] crash = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/io/shardline/datanode/"
                + "fuzz/NodeMessagesFuzzerInputs/decode/regression-shard-batch-string-past-end"));
        byte[] body = java.util.Arrays.copyOfRange(crash, 1, crash.length);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShardBatchCodec.decode(body))
                .isInstanceOfSatisfying(io.shardline.common.error.ShardlineException.class, e ->
                        org.assertj.core.api.Assertions.assertThat(e.code())
                                .isEqualTo(io.shardline.common.error.ErrorCode.CORRUPTED));
    }
}
