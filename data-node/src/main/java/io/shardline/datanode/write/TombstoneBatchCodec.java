package io.shardline.datanode.write;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.Tombstone;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Encodes a {@link TombstoneBatch} for {@code WriteShard} and hinted-handoff queues. The header has the layout of
 * {@link ShardBatchCodec}'s (so {@link ShardBatchCodec#shardId} reads both) with the magic {@code 'T' 'B'}, which
 * is how a receiver tells a delete from a write. Stateless and thread-safe.
 *
 * <pre>
 * +---------+---------+--------------+-------------+-----------+
 * | 'T' 'B' | fmt u8  | shard id u64 | version u64 | tombstone |
 * +---------+---------+--------------+-------------+-----------+
 * tombstone := u8 hasMeasurement [str measurement] predicate minTime i64 maxTime i64
 * predicate := u8 0                                        every series
 *            | u8 1 str key str value u8 negated            = / !=
 *            | u8 2 str key str regex i32 flags u8 negated  =~ / !~
 *            | u8 3|4 i32 n predicate*n                     AND / OR
 * str       := i32 length, UTF-8
 * </pre>
 */
public final class TombstoneBatchCodec {

    private static final byte FORMAT = 1;
    private static final int HEADER = 2 + 1 + 8 + 8;
    private static final int MAX_DEPTH = 64;

    private TombstoneBatchCodec() {
    }

    /** Whether {@code bytes} is an encoded tombstone batch (rather than a {@link ShardBatch}). */
    public static boolean isTombstoneBatch(byte[] bytes) {
        return bytes.length >= 2 && bytes[0] == 'T' && bytes[1] == 'B';
    }

    public static byte[] encode(TombstoneBatch batch) {
        Tombstone t = batch.tombstone();
        List<byte[]> parts = new ArrayList<>();
        parts.add(new byte[] {(byte) (t.measurement() == null ? 0 : 1)});
        if (t.measurement() != null) {
            parts.add(str(t.measurement()));
        }
        predicate(t.predicate(), parts);
        int size = HEADER + 16;
        for (byte[] p : parts) {
            size += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).put((byte) 'T').put((byte) 'B').put(FORMAT)
                .putLong(batch.shardId()).putLong(t.version());
        parts.forEach(b::put);
        return b.putLong(t.minTime()).putLong(t.maxTime()).array();
    }

    private static void predicate(TagPredicate p, List<byte[]> out) {
        if (p instanceof TagPredicate.All) {
            out.add(new byte[] {0});
        } else if (p instanceof TagPredicate.Compare c) {
            out.add(new byte[] {1});
            out.add(str(c.key()));
            out.add(str(c.value()));
            out.add(new byte[] {(byte) (c.negated() ? 1 : 0)});
        } else if (p instanceof TagPredicate.Regex r) {
            out.add(new byte[] {2});
            out.add(str(r.key()));
            out.add(str(r.pattern().pattern()));
            out.add(ByteBuffer.allocate(5).putInt(r.pattern().flags()).put((byte) (r.negated() ? 1 : 0)).array());
        } else {
            List<TagPredicate> terms = p instanceof TagPredicate.And a ? a.terms() : ((TagPredicate.Or) p).terms();
            out.add(ByteBuffer.allocate(5).put((byte) (p instanceof TagPredicate.And ? 3 : 4)).putInt(terms.size())
                    .array());
            terms.forEach(t -> predicate(t, out));
        }
    }

    private static byte[] str(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8).array();
    }

    /** Decodes a batch; a malformed one is {@link ErrorCode#CORRUPTED}. */
    public static TombstoneBatch decode(byte[] bytes) {
        if (bytes.length < HEADER || !isTombstoneBatch(bytes)) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "not a tombstone batch");
        }
        if (bytes[2] != FORMAT) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "unknown tombstone batch format " + bytes[2]);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.position(3);
        long shardId = b.getLong();
        long version = b.getLong();
        try {
            String measurement = b.get() == 0 ? null : str(b);
            TagPredicate predicate = predicate(b, 0);
            long min = b.getLong();
            long max = b.getLong();
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes");
            }
            return new TombstoneBatch(shardId, new Tombstone(measurement, predicate, min, max, version));
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "tombstone batch for shard " + shardId
                    + " does not decode: " + (e.getMessage() == null ? "truncated" : e.getMessage()));
        }
    }

    private static TagPredicate predicate(ByteBuffer b, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("predicate nested too deeply");
        }
        int kind = b.get();
        switch (kind) {
            case 0:
                return TagPredicate.all();
            case 1: {
                String key = str(b);
                String value = str(b);
                return new TagPredicate.Compare(key, value, b.get() != 0);
            }
            case 2: {
                String key = str(b);
                Pattern pattern = Pattern.compile(str(b), b.getInt());
                return new TagPredicate.Regex(key, pattern, b.get() != 0);
            }
            case 3:
            case 4: {
                int n = b.getInt();
                if (n < 0 || n > b.remaining()) {
                    throw new IllegalArgumentException("bad term count " + n);
                }
                List<TagPredicate> terms = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    terms.add(predicate(b, depth + 1));
                }
                return kind == 3 ? new TagPredicate.And(terms) : new TagPredicate.Or(terms);
            }
            default:
                throw new IllegalArgumentException("unknown predicate kind " + kind);
        }
    }

    private static String str(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IllegalArgumentException("bad string length " + n);
        }
        byte[] utf8 = new byte[n];
        b.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
