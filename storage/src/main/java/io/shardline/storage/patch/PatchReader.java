package io.shardline.storage.patch;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.storage.internal.ByteSource;
import io.shardline.storage.internal.FieldTypeCodes;
import io.shardline.storage.internal.SeriesKeyCodec;
import io.shardline.storage.internal.TombstoneCodec;
import java.util.zip.CRC32C;

/**
 * Decodes what {@link PatchWriter} encodes. Stateless.
 */
final class PatchReader {

    record Header(long values, int tombstones) {
    }

    private PatchReader() {
    }

    static Header header(byte[] bytes) {
        ByteSource in = open(bytes);
        return new Header(in.getVarLong(), in.getVarInt());
    }

    static void read(byte[] bytes, PatchVisitor visitor) {
        ByteSource in = open(bytes);
        in.getVarLong();
        int nt = in.getVarInt();
        for (int i = 0; i < nt; i++) {
            visitor.tombstone(TombstoneCodec.read(in));
        }
        int ns = in.getVarInt();
        for (int i = 0; i < ns; i++) {
            readSeries(in, visitor);
        }
        if (in.hasRemaining()) {
            throw ByteSource.corrupted("trailing bytes in patch");
        }
    }

    private static void readSeries(ByteSource in, PatchVisitor visitor) {
        SeriesKey series = SeriesKeyCodec.read(in);
        int k = in.getVarInt();
        if (k > in.remaining()) {
            throw ByteSource.corrupted("patch field count");
        }
        String[] fields = new String[k];
        FieldType[] types = new FieldType[k];
        for (int c = 0; c < k; c++) {
            fields[c] = in.getString();
            types[c] = FieldTypeCodes.type(in.get());
        }
        int rows = in.getVarInt();
        byte[] bitmap = new byte[(k + 8) / 8];
        long ts = 0;
        long version = 0;
        for (int r = 0; r < rows; r++) {
            ts += in.getZigzag();
            for (int b = 0; b < bitmap.length; b++) {
                bitmap[b] = (byte) in.get();
            }
            version += in.getZigzag();
            boolean mixed = (bitmap[0] & 1) != 0;
            for (int c = 0; c < k; c++) {
                if ((bitmap[(c + 1) >> 3] & (1 << ((c + 1) & 7))) != 0) {
                    long v = mixed ? version + in.getZigzag() : version;
                    readValue(in, series, fields[c], types[c], ts, v, visitor);
                }
            }
        }
    }

    private static void readValue(ByteSource in, SeriesKey series, String field, FieldType type, long ts, long version,
            PatchVisitor visitor) {
        switch (type) {
            case FLOAT -> visitor.entry(series, field, type, ts, version, in.getLongLE(), null);
            case INTEGER -> visitor.entry(series, field, type, ts, version, in.getZigzag(), null);
            case UNSIGNED -> visitor.entry(series, field, type, ts, version, in.getVarLong(), null);
            case BOOLEAN -> visitor.entry(series, field, type, ts, version, in.get() != 0 ? 1 : 0, null);
            case STRING -> visitor.entry(series, field, type, ts, version, 0, in.getString());
            default -> throw new AssertionError(type);
        }
    }

    private static ByteSource open(byte[] bytes) {
        if (bytes.length < 8) {
            throw ByteSource.corrupted("patch too short");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != new ByteSource(bytes, bytes.length - 4, bytes.length).getIntBE()) {
            throw ByteSource.corrupted("patch checksum mismatch");
        }
        ByteSource in = new ByteSource(bytes, 0, bytes.length - 4);
        if (in.getIntBE() != PatchWriter.MAGIC) {
            throw ByteSource.corrupted("not a patch");
        }
        return in;
    }
}
