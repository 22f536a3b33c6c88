package io.shardline.tsm.block;

import io.shardline.model.FieldType;

/**
 * A whole TSM block: one type byte, the length of the timestamp column, the timestamp column and
 * the value column (the rest of the block). The 4-byte CRC-32 in front of a block belongs to the
 * file layout, not to the block.
 *
 * <pre>
 * u8 type (0 float, 1 integer, 2 boolean, 3 string, 4 unsigned) | uvarint len(ts) | ts | values
 * </pre>
 * Not thread-safe: holds each column codec's scratch; use one per thread.
 */
public final class BlockCodec {

    /** Values in one block above which a header is taken as corrupt (InfluxDB writes 1000). */
    public static final int MAX_VALUES = 1 << 24;
    /** Uncompressed bytes of one string block above which it is taken as corrupt. */
    public static final int MAX_STRING_BYTES = 1 << 30;

    public static final int FLOAT = 0;
    public static final int INTEGER = 1;
    public static final int BOOLEAN = 2;
    public static final int STRING = 3;
    public static final int UNSIGNED = 4;

    private final TimeCodec timeCodec = new TimeCodec();
    private final IntegerCodec integerCodec = new IntegerCodec();
    private final FloatCodec floatCodec = new FloatCodec();
    private final StringCodec stringCodec = new StringCodec();
    private final ByteOut timeColumn = new ByteOut(8192);
    private final int[] count = new int[1];

    /** The TSM block type of a field type. */
    public static int blockType(FieldType type) {
        return switch (type) {
            case FLOAT -> FLOAT;
            case INTEGER -> INTEGER;
            case BOOLEAN -> BOOLEAN;
            case STRING -> STRING;
            case UNSIGNED -> UNSIGNED;
        };
    }

    /** The field type of a TSM block type; an unknown type is {@link CorruptBlockException}. */
    public static FieldType fieldType(int blockType) {
        return switch (blockType) {
            case FLOAT -> FieldType.FLOAT;
            case INTEGER -> FieldType.INTEGER;
            case BOOLEAN -> FieldType.BOOLEAN;
            case STRING -> FieldType.STRING;
            case UNSIGNED -> FieldType.UNSIGNED;
            default -> throw new CorruptBlockException("unknown block type " + blockType);
        };
    }

    /**
     * Appends the block of values {@code [from, to)} of {@code v} (at least one, timestamps strictly
     * ascending) to {@code out}.
     */
    public void encode(BlockValues v, int from, int to, ByteOut out) {
        if (to <= from) {
            throw new IllegalArgumentException("a block needs at least one value");
        }
        FieldType type = v.type();
        out.put(blockType(type));
        timeColumn.reset();
        timeCodec.encode(v.times, from, to, timeColumn);
        out.putUvarint(timeColumn.size());
        out.put(timeColumn);
        switch (type) {
            case FLOAT -> floatCodec.encode(v.bits, from, to, out);
            case INTEGER, UNSIGNED -> integerCodec.encode(v.bits, from, to, out);
            case BOOLEAN -> BooleanCodec.encode(v.bits, from, to, out);
            case STRING -> stringCodec.encode(v.strings, from, to, out);
            default -> throw new AssertionError(type);
        }
    }

    /**
     * Decodes the block {@code b[off, end)} into {@code into} (reset to the block's type). The
     * timestamp and value counts must agree; anything malformed is {@link CorruptBlockException}.
     */
    public void decode(byte[] b, int off, int end, BlockValues into) {
        ByteIn in = new ByteIn(b, off, end);
        FieldType type = fieldType(in.u8("block type"));
        long tsLen = in.uvarint("timestamp column length");
        if (tsLen < 0 || tsLen > in.remaining()) {
            throw new CorruptBlockException("timestamp column length " + Long.toUnsignedString(tsLen)
                    + " exceeds the " + in.remaining() + " bytes left");
        }
        int tsStart = in.pos;
        int tsEnd = tsStart + (int) tsLen;
        int n = TimeCodec.count(b, tsStart, tsEnd);
        into.reset(type);
        into.grow(n);
        TimeCodec.decode(b, tsStart, tsEnd, into.times);
        int values = decodeValues(type, b, tsEnd, end, into, n);
        if (values != n) {
            throw new CorruptBlockException("block has " + n + " timestamps but " + values + " values");
        }
        into.setSize(n);
    }

    private int decodeValues(FieldType type, byte[] b, int off, int end, BlockValues into, int expected) {
        switch (type) {
            case FLOAT -> {
                into.bits = FloatCodec.decode(b, off, end, into.bits, count, expected);
                return count[0];
            }
            case INTEGER, UNSIGNED -> {
                int n = IntegerCodec.count(b, off, end);
                return n != expected ? n : IntegerCodec.decode(b, off, end, into.bits);
            }
            case BOOLEAN -> {
                int n = BooleanCodec.count(b, off, end);
                return n != expected ? n : BooleanCodec.decode(b, off, end, into.bits);
            }
            case STRING -> {
                into.strings = stringCodec.decode(b, off, end, into.strings, count, expected);
                return count[0];
            }
            default -> throw new AssertionError(type);
        }
    }
}
