package io.shardline.datanode.write;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.model.Precision;
import io.shardline.model.lp.LineProtocolParser;
import io.shardline.model.lp.LineProtocolWriter;
import io.shardline.model.lp.ParseResult;
import java.nio.ByteBuffer;

/**
 * Encodes a {@link ShardBatch} for the wire and for hinted-handoff queues: a small binary header
 * and the points as canonical line protocol with nanosecond timestamps (exact: parse(format(p))
 * == p for every point). Stateless and thread-safe.
 *
 * <pre>
 * +---------+---------+--------------+-------------+------------------------------+
 * | 'S' 'B' | fmt u8  | shard id u64 | version u64 | line protocol (rest)         |
 * +---------+---------+--------------+-------------+------------------------------+
 * </pre>
 */
public final class ShardBatchCodec {

    private static final byte FORMAT = 1;
    private static final int HEADER = 2 + 1 + 8 + 8;

    private ShardBatchCodec() {
    }

    public static byte[] encode(ShardBatch batch) {
        byte[] body = LineProtocolWriter.toBody(batch.points());
        return ByteBuffer.allocate(HEADER + body.length)
                .put((byte) 'S').put((byte) 'B').put(FORMAT)
                .putLong(batch.shardId()).putLong(batch.version()).put(body).array();
    }

    /** Decodes a batch; a malformed one is {@link ErrorCode#CORRUPTED}. */
    public static ShardBatch decode(byte[] bytes) {
        if (bytes.length < HEADER || bytes[0] != 'S' || bytes[1] != 'B') {
            throw new ShardlineException(ErrorCode.CORRUPTED, "not a shard batch");
        }
        if (bytes[2] != FORMAT) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "unknown shard batch format " + bytes[2]);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long shardId = b.getLong(3);
        long version = b.getLong(11);
        ParseResult parsed = new LineProtocolParser().parse(bytes, HEADER, bytes.length - HEADER, Precision.NANOSECONDS, 0);
        if (!parsed.errors().isEmpty()) {
            throw new ShardlineException(ErrorCode.CORRUPTED,
                    "shard batch for shard " + shardId + " does not parse: " + parsed.errors().get(0));
        }
        return new ShardBatch(shardId, version, parsed.points());
    }

    /** The shard id of an encoded batch, without decoding the points. */
    public static long shardId(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong(3);
    }
}
