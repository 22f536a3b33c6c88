package io.shardline.tsm.block;

/**
 * What the timestamp and integer columns share: the raw / simple8b / RLE framing chosen by the
 * high nibble of the first byte, and so how many values a column holds. Stateless.
 */
final class PackedColumn {

    static final int RAW = 0;
    static final int PACKED = 1;
    static final int RLE = 2;

    private PackedColumn() {
    }

    /**
     * Number of values in {@code b[off, end)}; {@code rleExtra} is added to an RLE column's stored
     * count (integers store the repeats after the first value, timestamps the total).
     */
    static int count(byte[] b, int off, int end, String what, int rleExtra) {
        if (end == off) {
            return 0;
        }
        int encoding = (b[off] & 0xFF) >>> 4;
        switch (encoding) {
            case RAW -> {
                if (((end - off - 1) & 7) != 0) {
                    throw new CorruptBlockException("raw " + what + ": " + (end - off - 1) + " bytes is not a multiple of 8");
                }
                return (end - off - 1) / 8;
            }
            case PACKED -> {
                if (end - off < 9) {
                    throw new CorruptBlockException("packed " + what + ": truncated first value");
                }
                return 1 + Simple8b.countAll(b, off + 9, end, "packed " + what);
            }
            case RLE -> {
                ByteIn in = new ByteIn(b, off + 1, end);
                in.u64("RLE " + what + ": first");
                in.uvarint("RLE " + what + ": delta");
                return checkedCount(in.uvarint("RLE " + what + ": count") + rleExtra, "RLE " + what);
            }
            default -> throw new CorruptBlockException("unknown " + what + " encoding " + encoding);
        }
    }

    /** A count claimed by a header, refused above {@link BlockCodec#MAX_VALUES}. */
    static int checkedCount(long count, String what) {
        if (count < 0 || count > BlockCodec.MAX_VALUES) {
            throw new CorruptBlockException(what + ": implausible count " + Long.toUnsignedString(count));
        }
        return (int) count;
    }
}
